//! Every URL of news and good examples, built in one place (the routers name the same paths).

use super::NewsId;

/// The public list: `/{slug}/nyheter`.
pub fn list(slug: &str) -> String {
    format!("/{slug}/nyheter")
}

/// One item's public page.
pub fn item(slug: &str, id: NewsId) -> String {
    format!("/{slug}/nyheter/{id}")
}

/// An item's image.
pub fn image(slug: &str, id: NewsId) -> String {
    format!("/{slug}/nyheter/{id}/bild")
}

/// The Atom feed.
pub fn atom(slug: &str) -> String {
    format!("/{slug}/nyheter/atom")
}

/// The coordinator's and staff's list, with the form for news.
pub fn manage(slug: &str) -> String {
    format!("/{slug}/nyheter/hantera")
}

/// Staff's page of one item: edit, image, approve or decline.
pub fn manage_one(slug: &str, id: NewsId) -> String {
    format!("/{slug}/nyheter/hantera/{id}")
}

/// "Mina berättelser": a representative's stories, with the form for a new one.
pub fn mine(slug: &str) -> String {
    format!("/{slug}/nyheter/mina")
}

/// A representative's page of one of their association's stories.
pub fn mine_one(slug: &str, id: NewsId) -> String {
    format!("/{slug}/nyheter/mina/{id}")
}
