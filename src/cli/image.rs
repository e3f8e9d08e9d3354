//! `summary-card image`: the quote card ([`crate::core::quote`]) drawn as a
//! PNG, natively and in the npx (WASI) build alike (docs/decisions.md).
//!
//! cosmic-text shapes (harfrust), orders (Unicode bidi) and wraps (UAX #14
//! line breaks, so CJK wraps between characters) each text; skrifa reads
//! the glyphs' outlines; tiny-skia fills them; png writes the file.
//!
//! The text is set in DejaVu Sans, built into the binary (`assets/fonts/`,
//! with its licence), so the picture is the same on every machine. Only
//! when a text has characters that DejaVu Sans lacks (Chinese, Japanese,
//! Devanagari…) are the system's fonts searched for them (fontdb, and
//! cosmic-text's fallback lists by script and locale); characters no font
//! has are left out, and the caller warns. Under WASI there are no system
//! fonts (fontdb's `load_system_fonts` finds none outside Windows, macOS and
//! Unix), so there only DejaVu Sans draws, and the rest gets that warning.

use crate::core::quote::{self, Layout, Placed, Quote, Rgb, CIRCLE, PILL_PAD};
use cosmic_text::skrifa::instance::{LocationRef, Size};
use cosmic_text::skrifa::outline::{DrawSettings, OutlinePen};
use cosmic_text::skrifa::{FontRef, GlyphId, MetadataProvider};
use cosmic_text::{fontdb, Align, Attrs, Buffer, Family, FontSystem, Metrics, Shaping, Weight, Wrap};
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Rect, Transform};

/// DejaVu Sans, regular and bold (assets/fonts/LICENSE-DejaVu.txt).
const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
const FAMILY: &str = "DejaVu Sans";

/// A drawn picture: the PNG, and the characters no font had (left out).
pub struct Picture {
    pub png: Vec<u8>,
    pub missing: Vec<char>,
}

/// The fonts: the built-in family, and the system's when a text needs
/// characters it lacks.
fn fonts(q: &Quote) -> FontSystem {
    let mut db = fontdb::Database::new();
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    let builtin = FontRef::new(REGULAR).ok();
    let has = |c: char| builtin.as_ref().is_some_and(|f| f.charmap().map(c).is_some());
    let needs_more = q
        .head
        .iter()
        .chain(&q.body)
        .chain(&q.foot)
        .flat_map(|t| t.text.chars().chain(t.number.iter().flat_map(|n| n.chars())))
        .any(|c| !c.is_whitespace() && !c.is_control() && !is_format(c) && !has(c));
    if needs_more {
        let ours: Vec<fontdb::ID> = db.faces().map(|f| f.id).collect();
        db.load_system_fonts();
        // The system's own copy of DejaVu Sans, if any, must not stand in
        // for ours: it may be another version.
        let copies: Vec<fontdb::ID> = db
            .faces()
            .filter(|f| !ours.contains(&f.id) && f.families.iter().any(|(name, _)| name == FAMILY))
            .map(|f| f.id)
            .collect();
        for id in copies {
            db.remove_face(id);
        }
    }
    db.set_sans_serif_family(FAMILY);
    FontSystem::new_with_locale_and_db(q.lang.to_string(), db)
}

/// Format characters (joiners, bidi marks and isolates, the BOM): no glyph needed.
fn is_format(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

fn attrs(bold: bool) -> Attrs<'static> {
    Attrs::new().family(Family::Name(FAMILY)).weight(if bold { Weight::BOLD } else { Weight::NORMAL })
}

/// `text` shaped and wrapped at `size` in `width` pixels.
fn shape(
    fs: &mut FontSystem,
    text: &str,
    size: f32,
    line: f32,
    bold: bool,
    width: f32,
    align: Option<Align>,
) -> Buffer {
    let mut buffer = Buffer::new(fs, Metrics::new(size, line));
    buffer.set_wrap(fs, Wrap::WordOrGlyph);
    buffer.set_size(fs, Some(width), None);
    buffer.set_text(fs, text, &attrs(bold), Shaping::Advanced, align);
    buffer
}

fn line_count(buffer: &Buffer) -> usize {
    buffer.layout_runs().count()
}

/// `p`'s text shaped into at most `p.lines` lines: when it needs more, the
/// longest beginning that fits with "…" after it (cut at a space when one
/// is near).
fn fitted(fs: &mut FontSystem, p: &Placed) -> Buffer {
    let align = p.right.map(|right| if right { Align::Right } else { Align::Left });
    let full = shape(fs, &p.text, p.size, p.line, p.bold, p.width, align);
    if line_count(&full) <= p.lines {
        return full;
    }
    let chars: Vec<(usize, char)> = p.text.char_indices().collect();
    let cut = |k: usize| -> String {
        let end = chars.get(k).map_or(p.text.len(), |&(i, _)| i);
        let head = p.text.get(..end).unwrap_or_default();
        // Back to a space when there is one among the last 16 characters.
        let head = match head.rfind(' ') {
            Some(i) if head.len() - i < 48 && i > 0 => head.get(..i).unwrap_or(head),
            _ => head,
        };
        [head.trim_end(), "…"].concat()
    };
    // The longest beginning (in characters) that fits, by bisection.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if line_count(&shape(fs, &cut(mid), p.size, p.line, p.bold, p.width, align)) <= p.lines {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    shape(fs, &cut(lo), p.size, p.line, p.bold, p.width, align)
}

/// Builds a tiny-skia path from a glyph's outline at (x, y), y down.
struct Pen<'a> {
    path: &'a mut PathBuilder,
    x: f32,
    y: f32,
}

impl OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.path.move_to(self.x + x, self.y - y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.path.line_to(self.x + x, self.y - y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.path.quad_to(self.x + cx0, self.y - cy0, self.x + x, self.y - y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.path.cubic_to(self.x + cx0, self.y - cy0, self.x + cx1, self.y - cy1, self.x + x, self.y - y);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

fn paint(c: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(c.0, c.1, c.2, 255);
    paint.anti_alias = true;
    paint
}

/// The horizontal extent of a buffer's ink (its lines' glyphs), if any.
fn extent(buffer: &Buffer) -> Option<(f32, f32)> {
    let mut span: Option<(f32, f32)> = None;
    for run in buffer.layout_runs() {
        for g in run.glyphs {
            let (a, b) = (g.x, g.x + g.w);
            span = Some(span.map_or((a, b), |(l, r)| (l.min(a), r.max(b))));
        }
    }
    span
}

/// Fills `buffer`'s glyphs at (x, y), the top of its first line, in
/// `color`; glyphs no font had (glyph 0) are left out and their characters
/// added to `missing`.
fn fill_text(
    pixmap: &mut Pixmap,
    fs: &mut FontSystem,
    buffer: &Buffer,
    x: f32,
    y: f32,
    color: Rgb,
    missing: &mut Vec<char>,
) {
    let mut path = PathBuilder::new();
    for run in buffer.layout_runs() {
        for g in run.glyphs {
            if g.glyph_id == 0 {
                for c in run.text.get(g.start..g.end).unwrap_or_default().chars() {
                    if !c.is_whitespace() && !is_format(c) && !missing.contains(&c) {
                        missing.push(c);
                    }
                }
                continue;
            }
            let Some(font) = fs.get_font(g.font_id, g.font_weight) else { continue };
            let index = fs.db().face(g.font_id).map_or(0, |f| f.index);
            let Ok(face) = FontRef::from_index(font.data(), index) else { continue };
            let Some(outline) = face.outline_glyphs().get(GlyphId::new(u32::from(g.glyph_id))) else { continue };
            let mut pen = Pen {
                path: &mut path,
                x: x + g.x + g.font_size * g.x_offset,
                y: y + run.line_y + g.y - g.font_size * g.y_offset,
            };
            let _ = outline.draw(DrawSettings::unhinted(Size::new(g.font_size), LocationRef::default()), &mut pen);
        }
    }
    if let Some(path) = path.finish() {
        pixmap.fill_path(&path, &paint(color), FillRule::Winding, Transform::identity(), None);
    }
}

fn fill_rect(pixmap: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
    if let Some(rect) = Rect::from_xywh(x, y, w, h) {
        pixmap.fill_rect(rect, &paint(color), Transform::identity(), None);
    }
}

/// A box with fully rounded ends (a pill).
fn fill_pill(pixmap: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
    let r = h / 2.0;
    let mut pb = PathBuilder::new();
    pb.move_to(x + r, y);
    pb.line_to(x + w - r, y);
    pb.quad_to(x + w, y, x + w, y + r);
    pb.quad_to(x + w, y + h, x + w - r, y + h);
    pb.line_to(x + r, y + h);
    pb.quad_to(x, y + h, x, y + r);
    pb.quad_to(x, y, x + r, y);
    pb.close();
    if let Some(path) = pb.finish() {
        pixmap.fill_path(&path, &paint(color), FillRule::Winding, Transform::identity(), None);
    }
}

/// The picture of `q` as a PNG.
pub fn draw(q: &Quote) -> Result<Picture, String> {
    let mut fs = fonts(q);
    let layout: Layout = quote::layout(q, &mut |text, size, bold, width| {
        line_count(&shape(&mut fs, text, size, (size * 1.3).round(), bold, width, None))
    });
    let p = layout.palette;
    let mut pixmap = Pixmap::new(quote::WIDTH, quote::HEIGHT).ok_or("cannot allocate the picture")?;
    pixmap.fill(tiny_skia::Color::from_rgba8(p.bg.0, p.bg.1, p.bg.2, 255));
    if let Some(y) = layout.rule {
        fill_rect(&mut pixmap, quote::MARGIN, y, quote::WIDTH as f32 - 2.0 * quote::MARGIN, 2.0, p.border);
    }
    if let Some((x, y, w, h)) = layout.bar {
        fill_rect(&mut pixmap, x, y, w, h, p.accent);
    }
    let mut missing = Vec::new();
    for t in &layout.texts {
        let buffer = fitted(&mut fs, t);
        if t.pill {
            if let Some((l, r)) = extent(&buffer) {
                let h = t.line + 2.0 * PILL_PAD.1;
                fill_pill(&mut pixmap, t.x + l - PILL_PAD.0, t.y - PILL_PAD.1, r - l + 2.0 * PILL_PAD.0, h, p.tint);
            }
        }
        if let Some((n, cx, cy, r)) = &t.number {
            let mut pb = PathBuilder::new();
            pb.push_circle(*cx, *cy, *r);
            if let Some(circle) = pb.finish() {
                pixmap.fill_path(&circle, &paint(p.tint), FillRule::Winding, Transform::identity(), None);
            }
            let size = (t.size * CIRCLE.0 * 0.5).round();
            let digits = shape(&mut fs, n, size, size, true, 2.0 * r, Some(Align::Center));
            fill_text(&mut pixmap, &mut fs, &digits, cx - r, cy - size / 2.0, p.accent, &mut missing);
        }
        fill_text(&mut pixmap, &mut fs, &buffer, t.x, t.y, t.color, &mut missing);
    }
    Ok(Picture { png: encode(&pixmap).map_err(|e| format!("cannot encode the PNG: {e}"))?, missing })
}

/// The picture as an RGB PNG (it is opaque, so its premultiplied RGBA is
/// plain RGB), compressed hard: the picture is mostly flat colour.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| p.iter().take(3).copied()).collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}
