//! "Share as image": the quote card that `core::quote` lays out, drawn on a
//! canvas through the Canvas 2D API (`measureText` wraps the lines), in the
//! card's computed colours, then shared as a PNG file where the browser can
//! share files, else downloaded (and copied to the clipboard where allowed).
//! Nothing leaves the browser. Like the share menu, every browser call goes
//! through `Reflect`: a missing API is a value, never an exception in the
//! page, and no typed binding is imported for each canvas method.

use super::reflect::{apply as call, get, invoke, list, set};
use crate::core::i18n::Locale;
use crate::core::model::Card;
use crate::core::quote::{self, Layout, Palette, Placed, Quote, Rgb, Role, CIRCLE, PILL_PAD};
use crate::core::text::concat;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Window;

/// Pixels kept free inside each text's box on either side: a glyph's ink
/// may reach a little past its advance (an Arabic letter at the end of a
/// right-aligned line did, by 1 px, past the safe margin).
const INK: f32 = 2.0;
/// The artwork's largest side, and the room between it and the foot's texts.
const ART: f32 = 128.0;
const ART_GAP: f32 = 32.0;

/// The canvas's 2D context, with the card's font family.
struct Pen {
    ctx: JsValue,
    family: String,
}

impl Pen {
    fn font(&self, size: f32, bold: bool) {
        let weight = if bold { "700 " } else { "400 " };
        set(&self.ctx, "font", &JsValue::from_str(&concat(&[weight, &uint(size), "px ", &self.family])));
    }

    fn width(&self, text: &str) -> f32 {
        invoke(&self.ctx, "measureText", &JsValue::from_str(text))
            .map_or(0.0, |m| get(&m, "width").as_f64().unwrap_or(0.0) as f32)
    }

    fn fill(&self, color: Rgb) {
        set(&self.ctx, "fillStyle", &JsValue::from_str(&hex(color)));
    }

    fn rect(&self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.fill(color);
        call(&self.ctx, "fillRect", &[x.into(), y.into(), w.into(), h.into()]);
    }

    /// A filled pill (`r` = half its height) or circle.
    fn round(&self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        self.fill(color);
        call(&self.ctx, "beginPath", &[]);
        call(&self.ctx, "roundRect", &[x.into(), y.into(), w.into(), h.into(), (h / 2.0).into()]);
        call(&self.ctx, "fill", &[]);
    }

    fn text(&self, text: &str, x: f32, y: f32) {
        call(&self.ctx, "fillText", &[JsValue::from_str(text), x.into(), y.into()]);
    }

    /// `text` broken into lines no wider than `width` at the current font:
    /// at spaces, and between characters of scripts written without them
    /// (CJK). A word wider than the line is broken between characters.
    fn wrap(&self, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for piece in pieces(text) {
            let candidate = concat(&[line.as_str(), piece]);
            if line.is_empty() || self.width(candidate.trim_end()) <= width {
                line = candidate;
                if self.width(line.trim_end()) > width {
                    // One word wider than the line: character by character.
                    let mut cut = String::new();
                    for c in core::mem::take(&mut line).chars() {
                        let mut next = cut.clone();
                        next.push(c);
                        if !cut.is_empty() && self.width(&next) > width {
                            lines.push(core::mem::replace(&mut cut, c.to_string()));
                        } else {
                            cut = next;
                        }
                    }
                    line = cut;
                }
            } else {
                lines.push(core::mem::take(&mut line).trim_end().into());
                line = piece.trim_start().into();
            }
        }
        if !line.trim().is_empty() || lines.is_empty() {
            lines.push(line.trim_end().into());
        }
        lines
    }
}

/// A whole number as text (sizes are whole pixels).
fn uint(v: f32) -> String {
    crate::core::text::uint(v.round().max(0.0) as u64)
}

/// `#rrggbb`.
fn hex(c: Rgb) -> String {
    let digit = |n: u8| char::from_digit(u32::from(n), 16).unwrap_or('0');
    let mut s = String::from("#");
    for b in [c.0, c.1, c.2] {
        s.push(digit(b >> 4));
        s.push(digit(b & 15));
    }
    s
}

/// Whether a line may break on either side of `c`: scripts written without
/// spaces between words.
fn cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// The text in unbreakable pieces: each word with the spaces after it, and
/// each CJK character alone.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let end = i + c.len_utf8();
        let space_ends = c.is_whitespace() && next.is_some_and(|n| !n.is_whitespace());
        if space_ends || cjk(c) || next.is_some_and(cjk) {
            out.push(text.get(start..end).unwrap_or_default());
            start = end;
        }
    }
    if start < text.len() {
        out.push(text.get(start..).unwrap_or_default());
    }
    out
}

/// A CSS colour as the canvas reads it: set as `fillStyle`, read back as
/// `#rrggbb` (or `rgba(…)` when translucent, taken as opaque).
fn computed(pen: &Pen, css: &str, fallback: Rgb) -> Rgb {
    set(&pen.ctx, "fillStyle", &JsValue::from_str(&hex(fallback)));
    set(&pen.ctx, "fillStyle", &JsValue::from_str(css.trim()));
    let v = get(&pen.ctx, "fillStyle").as_string().unwrap_or_default();
    let nums: Vec<u8> = if let Some(h) = v.strip_prefix('#') {
        // By hand: `u8::from_str_radix` brings its panic's formatting.
        let digits: Vec<u8> = h.chars().filter_map(|c| c.to_digit(16)).map(|d| d as u8).collect();
        (0..3).filter_map(|i| Some(digits.get(2 * i)?.wrapping_mul(16).wrapping_add(*digits.get(2 * i + 1)?))).collect()
    } else {
        // "rgba(r, g, b, a)": the whole part of each number.
        v.split(|c: char| !c.is_ascii_digit() && c != '.')
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.bytes().take_while(u8::is_ascii_digit).fold(0u8, |n, d| n.saturating_mul(10).saturating_add(d - b'0'))
            })
            .collect()
    };
    match nums.as_slice() {
        [r, g, b, ..] => Rgb(*r, *g, *b),
        _ => fallback,
    }
}

/// The card's palette as computed on `sc` (the card's root: its theme, and
/// any `--sc-*` the page set), over the built-in one.
fn palette_of(window: &Window, sc: &JsValue, pen: &Pen, base: Palette) -> Palette {
    let style = invoke(window.as_ref(), "getComputedStyle", sc).unwrap_or(JsValue::UNDEFINED);
    let token = |name: &str, fallback: Rgb| {
        let v = invoke(&style, "getPropertyValue", &JsValue::from_str(name)).and_then(|v| v.as_string());
        v.filter(|v| !v.trim().is_empty()).map_or(fallback, |v| computed(pen, &v, fallback))
    };
    let (bg, accent) = (token("--bg", base.bg), token("--acc", base.accent));
    Palette {
        bg,
        fg: token("--fg", base.fg),
        muted: token("--mut", base.muted),
        border: token("--bd", base.border),
        accent,
        soft: base.soft,
        tint: accent.mix(12, bg),
    }
}

/// The texts' colours moved from the built-in palette to `to`.
fn recolour(q: &mut Quote, to: Palette) {
    let from = q.palette;
    for t in q.head.iter_mut().chain(q.body.iter_mut()).chain(q.foot.iter_mut()) {
        t.color = match t.color {
            c if c == from.accent => to.accent,
            c if c == from.muted => to.muted,
            _ => to.fg,
        };
    }
    q.palette = to;
}

/// Draws the laid-out picture.
fn draw(pen: &Pen, l: &Layout) {
    let p = l.palette;
    pen.rect(0.0, 0.0, quote::WIDTH as f32, quote::HEIGHT as f32, p.bg);
    if let Some(y) = l.rule {
        pen.rect(quote::MARGIN, y, quote::WIDTH as f32 - 2.0 * quote::MARGIN, 2.0, p.border);
    }
    if let Some((x, y, w, h)) = l.bar {
        pen.rect(x, y, w, h, p.accent);
    }
    set(&pen.ctx, "textBaseline", &JsValue::from_str("middle"));
    set(&pen.ctx, "direction", &JsValue::from_str(if l.rtl { "rtl" } else { "ltr" }));
    for t in &l.texts {
        pen.font(t.size, t.bold);
        let width = t.width - 2.0 * INK;
        let mut lines = pen.wrap(&t.text, width);
        if lines.len() > t.lines {
            lines.truncate(t.lines);
            if let Some(last) = lines.last_mut() {
                while !last.is_empty() && pen.width(&concat(&[last.as_str(), "…"])) > width {
                    last.pop();
                }
                last.push('…');
            }
        }
        let right = t.right.unwrap_or(l.rtl);
        set(&pen.ctx, "textAlign", &JsValue::from_str(if right { "right" } else { "left" }));
        let x = if right { t.x + t.width - INK } else { t.x + INK };
        if t.pill {
            let w = lines.iter().map(|s| pen.width(s)).fold(0.0, f32::max) + 2.0 * PILL_PAD.0;
            let left = if right { x - w + PILL_PAD.0 } else { x - PILL_PAD.0 };
            pen.round(left, t.y - PILL_PAD.1, w, t.line + 2.0 * PILL_PAD.1, p.tint);
        }
        if let Some((n, cx, cy, r)) = &t.number {
            pen.round(cx - r, cy - r, 2.0 * r, 2.0 * r, p.tint);
            pen.font((t.size * CIRCLE.0 * 0.5).round(), true);
            set(&pen.ctx, "textAlign", &JsValue::from_str("center"));
            pen.fill(p.accent);
            pen.text(n, *cx, *cy);
            set(&pen.ctx, "textAlign", &JsValue::from_str(if right { "right" } else { "left" }));
            pen.font(t.size, t.bold);
        }
        pen.fill(t.color);
        for (i, line) in lines.iter().enumerate() {
            pen.text(line, x, t.y + t.line * (i as f32 + 0.5));
        }
    }
}

/// Whether `t` is in the foot (the AI label or the link).
fn foot(t: &Placed) -> bool {
    matches!(t.role, Role::AiLabel | Role::Link)
}

/// `root.querySelector(selector)`, if found.
fn get_el(root: &JsValue, selector: &str) -> Option<JsValue> {
    invoke(root, "querySelector", &JsValue::from_str(selector)).filter(JsValue::is_truthy)
}

/// The artwork's square, beside the foot at its end side (right, or left
/// right to left), as tall as the foot (at most `ART`): the foot's texts
/// give it room, cut with "…" if need be.
fn art_slot(l: &mut Layout) -> (f32, f32, f32) {
    let bottom = quote::HEIGHT as f32 - quote::MARGIN;
    let top =
        l.texts.iter().filter(|t| foot(t)).map(|t| t.y - if t.pill { PILL_PAD.1 } else { 0.0 }).fold(bottom, f32::min);
    let side = (bottom - top).min(ART);
    let room = side + ART_GAP;
    for t in l.texts.iter_mut().filter(|t| foot(t)) {
        t.width -= room;
        if l.rtl {
            t.x += room;
        }
    }
    let x = if l.rtl { quote::MARGIN } else { quote::WIDTH as f32 - quote::MARGIN - side };
    (x, bottom - side, side)
}

/// The card's artwork tile (`art`, its `.art`): the image where the canvas
/// stays clean with it (same-origin, or CORS-approved), else the initial on
/// the tint that the card shows beneath it. A cross-origin image would taint
/// the canvas and so stop `toBlob`; a 1-pixel scratch canvas tries it first.
fn draw_art(pen: &Pen, art: &JsValue, (x, y, side): (f32, f32, f32), p: Palette) {
    let ctx = &pen.ctx;
    // The card's 12 px corners on a 64 px tile.
    let r = side * 12.0 / 64.0;
    pen.fill(p.tint);
    call(ctx, "beginPath", &[]);
    call(ctx, "roundRect", &[x.into(), y.into(), side.into(), side.into(), r.into()]);
    call(ctx, "fill", &[]);
    let img = get_el(art, "img").filter(|i| {
        get(i, "complete").is_truthy() && get(i, "naturalWidth").as_f64().unwrap_or(0.0) > 0.0 && clean(pen, i)
    });
    match img {
        Some(img) => {
            call(ctx, "save", &[]);
            call(ctx, "clip", &[]);
            call(ctx, "drawImage", &[img, x.into(), y.into(), side.into(), side.into()]);
            call(ctx, "restore", &[]);
        }
        None => {
            let initial = get(art, "textContent").as_string().unwrap_or_default();
            pen.font((side * 28.0 / 64.0).round(), true);
            set(ctx, "textAlign", &JsValue::from_str("center"));
            pen.fill(p.accent);
            pen.text(initial.trim(), x + side / 2.0, y + side / 2.0);
        }
    }
}

/// Whether drawing `img` leaves a canvas readable.
fn clean(pen: &Pen, img: &JsValue) -> bool {
    let Some(canvas) = get(&pen.ctx, "canvas")
        .dyn_ref::<web_sys::Element>()
        .and_then(|c| c.owner_document())
        .and_then(|d| d.create_element("canvas").ok())
    else {
        return false;
    };
    let Some(ctx) = invoke(canvas.as_ref(), "getContext", &JsValue::from_str("2d")).filter(JsValue::is_truthy) else {
        return false;
    };
    let one = JsValue::from_f64(1.0);
    let zero = JsValue::from_f64(0.0);
    call(&ctx, "drawImage", &[img.clone(), zero.clone(), zero.clone(), one.clone(), one.clone()]).is_some()
        && call(&ctx, "getImageData", &[zero.clone(), zero, one.clone(), one]).is_some()
}

/// What the picture shares besides the file.
pub struct Share<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub url: &'a str,
}

/// The one entry: draws `card`'s picture (of takeaway `takeaway`, or of the
/// whole card) in the colours computed on `sc` (the card's `.sc` root) and
/// hands it on: to `navigator.share` with the file where `canShare` accepts
/// it, else as a download (`<title slug>.png`) and a clipboard copy. Then
/// `done(saved)`, `saved` being whether it was downloaded; nothing when the
/// canvas cannot be had.
pub fn share(
    window: &Window,
    sc: &JsValue,
    card: &Card,
    takeaway: Option<usize>,
    locale: Locale,
    share: Share<'_>,
    done: Box<dyn FnOnce(bool)>,
) {
    let Some(dom) = window.document() else { return };
    let Ok(canvas) = dom.create_element("canvas") else { return };
    let _ = canvas.set_attribute("width", &uint(quote::WIDTH as f32));
    let _ = canvas.set_attribute("height", &uint(quote::HEIGHT as f32));
    let Some(ctx) = invoke(canvas.as_ref(), "getContext", &JsValue::from_str("2d")).filter(JsValue::is_truthy) else {
        return;
    };
    let style = invoke(window.as_ref(), "getComputedStyle", sc).unwrap_or(JsValue::UNDEFINED);
    let family = invoke(&style, "getPropertyValue", &JsValue::from_str("--ff")).and_then(|v| v.as_string());
    let pen = Pen { ctx, family: family.filter(|f| !f.trim().is_empty()).unwrap_or_else(|| "sans-serif".into()) };
    let Some(mut q) = quote::quote(card, takeaway, false, locale) else { return };
    let colours = palette_of(window, sc, &pen, q.palette);
    let colours =
        if colours.bg.lightness() < 500 { palette_of(window, sc, &pen, quote::palette(true)) } else { colours };
    recolour(&mut q, colours);
    let mut l = quote::layout(&q, &mut |text, size, bold, width| {
        pen.font(size, bold);
        pen.wrap(text, width - 2.0 * INK).len()
    });
    let tile = get_el(sc, ".art").filter(|_| l.texts.iter().any(foot)).map(|art| (art, art_slot(&mut l)));
    draw(&pen, &l);
    if let Some((art, slot)) = tile {
        draw_art(&pen, &art, slot, l.palette);
    }
    let name = crate::core::links::slug(&card.title);
    let Share { title, text, url } = share;
    let (title, text, url) = (title.to_string(), text.to_string(), url.to_string());
    let window = window.clone();
    // toBlob always calls back, with null where it fails.
    let then = Closure::once_into_js(move |blob: JsValue| {
        if !blob.is_truthy() {
            return;
        }
        let nav: JsValue = window.navigator().into();
        let file_name = JsValue::from_str(&concat(&[name.as_str(), ".png"]));
        let options = Object::new();
        set(&options, "type", &JsValue::from_str("image/png"));
        let file = get(&window, "File").dyn_into::<Function>().ok().and_then(|f| {
            Reflect::construct(
                &f,
                &list(&[list(core::slice::from_ref(&blob)).into(), file_name.clone(), options.into()]),
            )
            .ok()
        });
        if let Some(file) = file {
            let data = Object::new();
            set(&data, "files", &list(&[file]));
            if call(&nav, "canShare", &[data.clone().into()]).is_some_and(|v| v.is_truthy()) {
                for (k, v) in [("title", &title), ("text", &text), ("url", &url)] {
                    set(&data, k, &JsValue::from_str(v));
                }
                if let Some(p) = call(&nav, "share", &[data.into()]) {
                    quiet(&p);
                    return done(false);
                }
            }
        }
        download(&window, &blob, &file_name);
        copy_image(&window, &blob);
        done(true);
    });
    call(canvas.as_ref(), "toBlob", &[then, JsValue::from_str("image/png")]);
}

/// Handles a promise's rejection (a reader closing the share sheet, a
/// refused clipboard), so that it never reaches the page: one no-op
/// handler for them all.
fn quiet(promise: &JsValue) {
    thread_local! {
        static NOOP: JsValue = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| ()).into_js_value();
    }
    NOOP.with(|noop| invoke(promise, "catch", noop));
}

/// Saves `blob` as `name` through a download link; the blob URL is revoked
/// a moment later (the download has read it by then).
fn download(window: &Window, blob: &JsValue, name: &JsValue) {
    let url_api = get(window.as_ref(), "URL");
    let Some(href) = invoke(&url_api, "createObjectURL", blob) else { return };
    let Some(a) = window.document().and_then(|d| d.create_element("a").ok()) else { return };
    set(a.as_ref(), "href", &href);
    set(a.as_ref(), "download", name);
    invoke(a.as_ref(), "click", &JsValue::UNDEFINED);
    // Of the same type as toBlob's callback: one piece of glue for both.
    let revoke = Closure::once_into_js(move |_: JsValue| {
        call(&url_api, "revokeObjectURL", &[href]);
    });
    call(window.as_ref(), "setTimeout", &[revoke, JsValue::from_f64(4000.0)]);
}

/// Puts the picture on the clipboard where the browser allows it; a refusal
/// is not an error (the download has it).
fn copy_image(window: &Window, blob: &JsValue) {
    let Ok(item_class) = get(window.as_ref(), "ClipboardItem").dyn_into::<Function>() else { return };
    let parts = Object::new();
    set(&parts, "image/png", blob);
    let Ok(item) = Reflect::construct(&item_class, &list(&[parts.into()])) else { return };
    let clipboard = get(window.navigator().as_ref(), "clipboard");
    if let Some(p) = call(&clipboard, "write", &[list(&[item]).into()]) {
        quiet(&p);
    }
}
