//! What a reader shares: the link and the words that go with it. Pure, so
//! it is tested natively; `dom::share` hands the result to the browser.

use crate::model::Card;
use crate::text::{concat, push_uint};

/// The title, title-case-insensitively reduced to `a-z0-9-`: a fragment that
/// stays the same for the same title. Never empty.
pub fn slug(title: &str) -> String {
    let mut s = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if s.len() >= 60 {
                break;
            }
            s.push(c.to_ascii_lowercase());
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push_str("summary");
    }
    s
}

/// The fragment naming the card on the host page: its `id`, else a slug.
pub fn fragment(card: &Card) -> String {
    card.id.clone().unwrap_or_else(|| slug(&card.title))
}

/// The link to share: the data's `url`, else the host page's URL with the
/// card's fragment in place of any fragment it had.
pub fn share_url(card: &Card, page_url: &str) -> String {
    match &card.url {
        Some(u) => u.as_str().into(),
        None => {
            let base = page_url.split('#').next().unwrap_or(page_url);
            concat(&[base, "#", &fragment(card)])
        }
    }
}

/// "Title — Show: a 3-minute summary"
pub fn share_text(card: &Card, read_minutes: u64) -> String {
    let mut s = card.title.clone();
    if let Some(show) = &card.show {
        s.push_str(" — ");
        s.push_str(&show.name);
    }
    s.push_str(": a ");
    push_uint(&mut s, read_minutes);
    s.push_str("-minute summary");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Show, Url};

    fn card(title: &str) -> Card {
        Card { title: title.into(), ..Card::default() }
    }

    #[test]
    fn slugs() {
        let cases = [
            (
                "Ilya Sutskever – We're moving from the age of scaling",
                "ilya-sutskever-we-re-moving-from-the-age-of-scaling",
            ),
            ("  Hello,   World!  ", "hello-world"),
            ("日本語", "summary"),
            ("Café 2.0", "caf-2-0"),
            ("", "summary"),
        ];
        for (title, want) in cases {
            assert_eq!(slug(title), want, "{title}");
        }
        assert!(slug(&"a ".repeat(100)).len() <= 60);
    }

    #[test]
    fn urls() {
        let mut c = card("My Episode");
        assert_eq!(share_url(&c, "https://blog.example/post?x=1#old"), "https://blog.example/post?x=1#my-episode");
        c.id = Some("ep-7".into());
        assert_eq!(share_url(&c, "https://blog.example/post"), "https://blog.example/post#ep-7");
        c.url = Some(Url("https://pod.example/7".into()));
        assert_eq!(share_url(&c, "https://blog.example/post"), "https://pod.example/7");
    }

    #[test]
    fn text() {
        let mut c = card("T");
        assert_eq!(share_text(&c, 3), "T: a 3-minute summary");
        c.show = Some(Show { name: "S".into(), url: None, artwork: None });
        assert_eq!(share_text(&c, 1), "T — S: a 1-minute summary");
    }
}
