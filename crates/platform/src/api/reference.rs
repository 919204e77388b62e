//! The API's reference page, read from its OpenAPI document: each path with its method,
//! parameters and the fields of each answer. Plain functions over the document's JSON, so the
//! page always says what the document says.

use serde_json::{Map, Value};

/// One operation: `GET /api/v1/{slug}/meetings`.
pub struct Endpoint {
    pub method: String,
    pub path: String,
    /// An id for the page's table of contents.
    pub anchor: String,
    pub summary: String,
    pub description: String,
    pub params: Vec<Param>,
    pub responses: Vec<Answer>,
}

pub struct Param {
    pub name: String,
    /// `path` or `query`.
    pub place: String,
    pub required: bool,
    pub kind: String,
    pub description: String,
}

/// One status an operation answers with, and the fields of its body.
pub struct Answer {
    pub status: String,
    pub description: String,
    pub content_type: String,
    pub fields: Vec<FieldRow>,
}

/// A field of a body: `meetings[].starts_at`, its JSON type, what it is.
pub struct FieldRow {
    pub name: String,
    pub kind: String,
    pub description: String,
}

/// Every operation of the document, in its order.
pub fn endpoints(doc: &Value) -> Vec<Endpoint> {
    let schemas = doc.pointer("/components/schemas").and_then(Value::as_object);
    let empty = Map::new();
    let schemas = schemas.unwrap_or(&empty);
    let mut out = vec![];
    for (path, item) in doc["paths"].as_object().unwrap_or(&empty) {
        for (method, op) in item.as_object().unwrap_or(&empty) {
            if !matches!(method.as_str(), "get" | "head" | "post" | "put" | "patch" | "delete") {
                continue;
            }
            out.push(Endpoint {
                method: method.to_uppercase(),
                anchor: anchor(method, path),
                path: path.clone(),
                summary: text(&op["summary"]),
                description: text(&op["description"]),
                params: op["parameters"]
                    .as_array()
                    .map(|ps| ps.iter().map(|p| param(p, schemas)).collect())
                    .unwrap_or_default(),
                responses: op["responses"]
                    .as_object()
                    .unwrap_or(&empty)
                    .iter()
                    .map(|(status, r)| answer(status, r, schemas))
                    .collect(),
            });
        }
    }
    out
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or("").to_string()
}

/// `get-api-v1-slug-meetings`.
fn anchor(method: &str, path: &str) -> String {
    let mut a = method.to_string();
    for part in path
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        a.push('-');
        a.push_str(&part.to_ascii_lowercase());
    }
    a
}

fn param(p: &Value, schemas: &Map<String, Value>) -> Param {
    Param {
        name: text(&p["name"]),
        place: text(&p["in"]),
        required: p["required"].as_bool().unwrap_or(false),
        kind: kind(&p["schema"], schemas),
        description: text(&p["description"]),
    }
}

fn answer(status: &str, r: &Value, schemas: &Map<String, Value>) -> Answer {
    let (content_type, schema) = r["content"]
        .as_object()
        .and_then(|c| c.iter().next())
        .map(|(t, c)| (t.clone(), c["schema"].clone()))
        .unwrap_or_default();
    let mut fields = vec![];
    walk(&schema, "", schemas, 0, &mut fields);
    Answer {
        status: status.to_string(),
        description: text(&r["description"]),
        content_type,
        fields,
    }
}

/// The schema a `$ref` names, or the schema itself.
fn resolve<'a>(s: &'a Value, schemas: &'a Map<String, Value>) -> &'a Value {
    match s["$ref"].as_str().and_then(|r| r.strip_prefix("#/components/schemas/")) {
        Some(name) => schemas.get(name).unwrap_or(s),
        None => s,
    }
}

/// The one schema of `oneOf: [null, X]` (an optional value), or the schema itself.
fn unwrap_optional<'a>(s: &'a Value, schemas: &'a Map<String, Value>) -> (&'a Value, bool) {
    let s = resolve(s, schemas);
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(parts) = s[key].as_array() {
            let real: Vec<&Value> = parts.iter().filter(|p| p["type"] != "null").collect();
            if real.len() == 1 {
                let (inner, nullable) = unwrap_optional(real[0], schemas);
                return (inner, nullable || real.len() < parts.len());
            }
        }
    }
    (s, false)
}

/// A schema's JSON type in a word: `string`, `integer`, `array of object`, `string or null`.
fn kind(s: &Value, schemas: &Map<String, Value>) -> String {
    let (s, mut nullable) = unwrap_optional(s, schemas);
    let mut names: Vec<String> = match &s["type"] {
        Value::String(t) => vec![t.clone()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ if s.get("properties").is_some() => vec!["object".into()],
        _ => vec![],
    };
    if names.iter().any(|n| n == "null") {
        nullable = true;
        names.retain(|n| n != "null");
    }
    let mut k = names.join(" | ");
    if k == "array" {
        k = format!("array of {}", kind(&s["items"], schemas));
    }
    if let Some(values) = s["enum"].as_array() {
        let values: Vec<String> = values.iter().filter_map(Value::as_str).map(str::to_string).collect();
        k = format!("{k}: {}", values.join(", "));
    }
    if let Some(f) = s["format"].as_str() {
        k = format!("{k} ({f})");
    }
    if k.is_empty() {
        k = "any".into();
    }
    if nullable {
        k.push_str(" | null");
    }
    k
}

/// The fields of an object schema, and of the objects inside it, as dotted names.
fn walk(s: &Value, prefix: &str, schemas: &Map<String, Value>, depth: usize, out: &mut Vec<FieldRow>) {
    if depth > 6 {
        return;
    }
    let (s, _) = unwrap_optional(s, schemas);
    if s["type"] == "array" || s["type"].as_array().is_some_and(|t| t.contains(&Value::from("array"))) {
        let inner = if prefix.is_empty() {
            "[]".to_string()
        } else {
            format!("{prefix}[]")
        };
        return walk(&s["items"], &inner, schemas, depth + 1, out);
    }
    let Some(props) = s["properties"].as_object() else {
        return;
    };
    for (name, p) in props {
        let full = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        out.push(FieldRow {
            name: full.clone(),
            kind: kind(p, schemas),
            description: match text(&p["description"]) {
                d if d.is_empty() => text(&resolve(p, schemas)["description"]),
                d => d,
            },
        });
        walk(p, &full, schemas, depth + 1, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn paths_parameters_and_nested_fields_are_read() {
        let doc = json!({
            "openapi": "3.1.0",
            "paths": { "/api/v1/{slug}/things": { "get": {
                "summary": "Things",
                "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
                "responses": { "200": { "description": "ok", "content": { "application/json": {
                    "schema": { "$ref": "#/components/schemas/List" } } } } }
            } } },
            "components": { "schemas": {
                "List": { "type": "object", "properties": {
                    "things": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } },
                    "next": { "type": ["string", "null"], "description": "The next page" }
                } },
                "Thing": { "type": "object", "properties": {
                    "id": { "type": "integer", "format": "int64" },
                    "at": { "oneOf": [{ "type": "null" }, { "type": "string", "enum": ["a", "b"] }] }
                } }
            } }
        });
        let e = endpoints(&doc);
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].method.as_str(), e[0].anchor.as_str()),
            ("GET", "get-api-v1-slug-things")
        );
        assert_eq!(e[0].params[0].name, "slug");
        assert!(e[0].params[0].required);
        let fields: Vec<(String, String)> = e[0].responses[0]
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.kind.clone()))
            .collect();
        assert_eq!(
            fields,
            [
                ("next".into(), "string | null".into()),
                ("things".into(), "array of object".into()),
                ("things[].at".into(), "string: a, b | null".into()),
                ("things[].id".into(), "integer (int64)".into()),
            ]
        );
        assert_eq!(e[0].responses[0].fields[0].description, "The next page");
    }
}
