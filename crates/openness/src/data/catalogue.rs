//! The municipality's open-data catalogue as DCAT-AP-SE in RDF/XML, for Sweden's data portal
//! (dataportal.se) to harvest: a `dcat:Catalog` with a `dcat:Dataset` per dataset and a
//! `dcat:Distribution` per format, the municipality as publisher (`foaf:Agent`, a local
//! authority) and contact point (`vcard:Organization`), titles and descriptions in Swedish and
//! English, dates typed `xsd:date`, the EU's data themes, file types and languages, and the
//! CC0 1.0 licence. Written with quick-xml, which escapes every text and attribute.

use super::domain::{Dataset, Format, LICENCE};
use chrono::NaiveDate;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
const SWEDISH: &str = "http://publications.europa.eu/resource/authority/language/SWE";
const ENGLISH: &str = "http://publications.europa.eu/resource/authority/language/ENG";
const THEMES: &str = "http://publications.europa.eu/resource/authority/data-theme";
const LOCAL_AUTHORITY: &str = "http://purl.org/adms/publishertype/LocalAuthority";
const PUBLIC: &str = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";
const MEDIA_TYPES: &str = "http://www.iana.org/assignments/media-types/";

/// A text in Swedish and in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Both {
    pub sv: String,
    pub en: String,
}

/// The municipality, who publishes the data and answers questions about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publisher {
    pub name: String,
    pub email: String,
    /// Its own website, or '' (then the platform's page of the municipality stands for it).
    pub website: String,
}

/// One dataset as the catalogue describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub dataset: Dataset,
    pub title: Both,
    pub description: Both,
    pub issued: NaiveDate,
    pub modified: NaiveDate,
}

/// What the catalogue says; addresses are absolute (`base` is the site's address).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    pub base: String,
    pub slug: String,
    pub title: Both,
    pub description: Both,
    pub publisher: Publisher,
    pub entries: Vec<Entry>,
}

impl Catalogue {
    fn page(&self) -> String {
        format!("{}{}", self.base, super::paths::page(&self.slug))
    }

    fn about(&self) -> String {
        format!("{}{}", self.base, super::paths::catalogue(&self.slug))
    }

    fn dataset(&self, d: Dataset) -> String {
        format!("{}#{}", self.page(), d.slug())
    }

    fn download(&self, d: Dataset, f: Format) -> String {
        format!("{}{}", self.base, super::paths::download(&self.slug, d, f))
    }

    fn publisher_uri(&self) -> String {
        format!("{}/{}#kommun", self.base, self.slug)
    }
}

/// The catalogue as an RDF/XML document.
pub fn rdf_xml(c: &Catalogue) -> String {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing to memory does not fail; a failure would leave a shorter document.
    let _ = write(&mut w, c);
    String::from_utf8(w.into_inner()).unwrap_or_default()
}

type W = Writer<Vec<u8>>;

fn write(w: &mut W, c: &Catalogue) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("rdf:RDF")
        .with_attributes([
            ("xmlns:rdf", RDF),
            ("xmlns:dcat", "http://www.w3.org/ns/dcat#"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:foaf", "http://xmlns.com/foaf/0.1/"),
            ("xmlns:vcard", "http://www.w3.org/2006/vcard/ns#"),
        ])
        .write_inner_content(|w| {
            catalog(w, c)?;
            publisher(w, c)?;
            for e in &c.entries {
                dataset(w, c, e)?;
                for f in Format::ALL {
                    distribution(w, c, e, f)?;
                }
            }
            Ok(())
        })?;
    Ok(())
}

fn text(w: &mut W, name: &str, value: &str) -> io::Result<()> {
    w.create_element(name).write_text_content(BytesText::new(value))?;
    Ok(())
}

fn texts(w: &mut W, name: &str, value: &Both) -> io::Result<()> {
    for (lang, v) in [("sv", &value.sv), ("en", &value.en)] {
        w.create_element(name)
            .with_attribute(("xml:lang", lang))
            .write_text_content(BytesText::new(v))?;
    }
    Ok(())
}

fn link(w: &mut W, name: &str, uri: &str) -> io::Result<()> {
    w.create_element(name)
        .with_attribute(("rdf:resource", uri))
        .write_empty()?;
    Ok(())
}

fn date(w: &mut W, name: &str, d: NaiveDate) -> io::Result<()> {
    w.create_element(name)
        .with_attribute(("rdf:datatype", XSD_DATE))
        .write_text_content(BytesText::new(&d.format("%Y-%m-%d").to_string()))?;
    Ok(())
}

/// The catalogue's issued and modified days: the earliest and latest of its datasets'.
fn span(c: &Catalogue) -> Option<(NaiveDate, NaiveDate)> {
    let issued = c.entries.iter().map(|e| e.issued).min()?;
    let modified = c.entries.iter().map(|e| e.modified).max()?;
    Some((issued, modified))
}

fn catalog(w: &mut W, c: &Catalogue) -> io::Result<()> {
    w.create_element("dcat:Catalog")
        .with_attribute(("rdf:about", c.about().as_str()))
        .write_inner_content(|w| {
            texts(w, "dcterms:title", &c.title)?;
            texts(w, "dcterms:description", &c.description)?;
            link(w, "dcterms:publisher", &c.publisher_uri())?;
            link(w, "foaf:homepage", &c.page())?;
            link(w, "dcterms:license", LICENCE)?;
            link(w, "dcterms:language", SWEDISH)?;
            link(w, "dcterms:language", ENGLISH)?;
            link(w, "dcat:themeTaxonomy", THEMES)?;
            if let Some((issued, modified)) = span(c) {
                date(w, "dcterms:issued", issued)?;
                date(w, "dcterms:modified", modified)?;
            }
            for e in &c.entries {
                link(w, "dcat:dataset", &c.dataset(e.dataset))?;
            }
            Ok(())
        })?;
    Ok(())
}

fn publisher(w: &mut W, c: &Catalogue) -> io::Result<()> {
    let home = if c.publisher.website.is_empty() {
        format!("{}/{}", c.base, c.slug)
    } else {
        c.publisher.website.clone()
    };
    w.create_element("foaf:Agent")
        .with_attribute(("rdf:about", c.publisher_uri().as_str()))
        .write_inner_content(|w| {
            text(w, "foaf:name", &c.publisher.name)?;
            link(w, "dcterms:type", LOCAL_AUTHORITY)?;
            link(w, "foaf:homepage", &home)?;
            Ok(())
        })?;
    Ok(())
}

fn contact(w: &mut W, c: &Catalogue) -> io::Result<()> {
    w.create_element("dcat:contactPoint").write_inner_content(|w| {
        w.create_element("vcard:Organization").write_inner_content(|w| {
            text(w, "vcard:fn", &c.publisher.name)?;
            if !c.publisher.email.is_empty() {
                link(w, "vcard:hasEmail", &format!("mailto:{}", c.publisher.email))?;
            }
            link(w, "vcard:hasURL", &c.page())?;
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

fn dataset(w: &mut W, c: &Catalogue, e: &Entry) -> io::Result<()> {
    w.create_element("dcat:Dataset")
        .with_attribute(("rdf:about", c.dataset(e.dataset).as_str()))
        .write_inner_content(|w| {
            texts(w, "dcterms:title", &e.title)?;
            texts(w, "dcterms:description", &e.description)?;
            link(w, "dcterms:publisher", &c.publisher_uri())?;
            contact(w, c)?;
            link(w, "dcat:theme", e.dataset.theme().uri())?;
            link(w, "dcterms:language", SWEDISH)?;
            link(w, "dcterms:accessRights", PUBLIC)?;
            link(w, "dcat:landingPage", &c.page())?;
            date(w, "dcterms:issued", e.issued)?;
            date(w, "dcterms:modified", e.modified)?;
            for f in Format::ALL {
                link(w, "dcat:distribution", &c.download(e.dataset, f))?;
            }
            Ok(())
        })?;
    Ok(())
}

fn distribution(w: &mut W, c: &Catalogue, e: &Entry, f: Format) -> io::Result<()> {
    let url = c.download(e.dataset, f);
    w.create_element("dcat:Distribution")
        .with_attribute(("rdf:about", url.as_str()))
        .write_inner_content(|w| {
            let ext = f.extension().to_uppercase();
            let title = Both {
                sv: format!("{} ({ext})", e.title.sv),
                en: format!("{} ({ext})", e.title.en),
            };
            texts(w, "dcterms:title", &title)?;
            link(w, "dcat:accessURL", &url)?;
            link(w, "dcat:downloadURL", &url)?;
            link(w, "dcterms:format", f.eu_file_type())?;
            link(w, "dcat:mediaType", &format!("{MEDIA_TYPES}{}", f.media_type()))?;
            link(w, "dcterms:license", LICENCE)?;
            date(w, "dcterms:issued", e.issued)?;
            date(w, "dcterms:modified", e.modified)?;
            Ok(())
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(s: &str) -> Both {
        Both {
            sv: format!("{s} på svenska"),
            en: format!("{s} in English"),
        }
    }

    #[test]
    fn the_catalogue_names_every_dataset_and_escapes_its_texts() {
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let c = Catalogue {
            base: "https://overens.example".into(),
            slug: "sala".into(),
            title: both("Öppna data <&>"),
            description: both("Beskrivning"),
            publisher: Publisher {
                name: "Sala kommun & co".into(),
                email: "kommun@sala.example".into(),
                website: String::new(),
            },
            entries: vec![Entry {
                dataset: Dataset::Associations,
                title: both("Föreningar"),
                description: both("Registret"),
                issued: day("2025-01-02"),
                modified: day("2026-03-04"),
            }],
        };
        let x = rdf_xml(&c);
        assert!(x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "{x}");
        assert!(
            x.contains("<dcterms:title xml:lang=\"sv\">Öppna data &lt;&amp;&gt; på svenska</dcterms:title>"),
            "{x}"
        );
        assert!(x.contains("<foaf:name>Sala kommun &amp; co</foaf:name>"), "{x}");
        assert!(
            x.contains("<dcat:Dataset rdf:about=\"https://overens.example/sala/data#foreningar\">"),
            "{x}"
        );
        assert!(
            x.contains("<dcat:downloadURL rdf:resource=\"https://overens.example/sala/data/foreningar.json\"/>"),
            "{x}"
        );
        assert!(
            x.contains("<vcard:hasEmail rdf:resource=\"mailto:kommun@sala.example\"/>"),
            "{x}"
        );
        assert!(
            x.contains(&format!(
                "<dcterms:modified rdf:datatype=\"{XSD_DATE}\">2026-03-04</dcterms:modified>"
            )),
            "{x}"
        );
        assert_eq!(x.matches("<dcat:Distribution ").count(), 2);
    }
}
