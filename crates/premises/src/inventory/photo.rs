//! A photo's metadata taken away before it is stored: a phone's photo carries where it was
//! taken (EXIF GPS), when, and with what, and premises photos are public. The image data is
//! kept byte for byte (no re-encoding, no loss): JPEG loses its APP1 (EXIF, XMP), APP13 (IPTC)
//! and other application segments but JFIF, ICC colour profile and Adobe's, and its comments;
//! PNG its eXIf, text and time chunks; WebP its EXIF and XMP chunks (and their VP8X flags).
//! A file whose structure cannot be walked is not taken (`None`).

/// The photo without its metadata, or `None` when it is not a well-formed JPEG, PNG or WebP.
pub fn strip_metadata(bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg(bytes)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        png(bytes)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        webp(bytes)
    } else {
        None
    }
}

const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    let mut i = 2;
    loop {
        if *bytes.get(i)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        match marker {
            // Fill bytes before a marker.
            0xFF => i += 1,
            // Start of scan or end of image: the image data follows, kept as it is.
            0xDA | 0xD9 => {
                out.extend_from_slice(&bytes[i..]);
                return Some(out);
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&bytes[i..i + 2]);
                i += 2;
            }
            _ => {
                let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
                let end = i + 2 + len;
                if len < 2 || end > bytes.len() {
                    return None;
                }
                // APP0 (JFIF), APP2 (ICC profile) and APP14 (Adobe) say how to show the image.
                let metadata = matches!(marker, 0xE1 | 0xE3..=0xED | 0xEF | 0xFE);
                if !metadata {
                    out.extend_from_slice(&bytes[i..end]);
                }
                i = end;
            }
        }
    }
}

fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = PNG_SIGNATURE.to_vec();
    let mut i = PNG_SIGNATURE.len();
    while i < bytes.len() {
        let len = u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?) as usize;
        let kind = bytes.get(i + 4..i + 8)?;
        let end = i.checked_add(12)?.checked_add(len)?;
        if end > bytes.len() {
            return None;
        }
        if !matches!(kind, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME") {
            out.extend_from_slice(&bytes[i..end]);
        }
        i = end;
        if kind == b"IEND" {
            break;
        }
    }
    Some(out)
}

fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut body = b"WEBP".to_vec();
    let mut i = 12;
    // Chunks to the end; bytes too few for a chunk's header at the end are dropped.
    while i + 8 <= bytes.len() {
        let kind = &bytes[i..i + 4];
        let len = u32::from_le_bytes(bytes[i + 4..i + 8].try_into().ok()?) as usize;
        let end = i
            .checked_add(8)?
            .checked_add(len)?
            .checked_add(len % 2)?
            .min(bytes.len());
        if i + 8 + len > bytes.len() {
            return None;
        }
        match kind {
            b"EXIF" | b"XMP " => {}
            b"VP8X" if len >= 1 => {
                let start = body.len();
                body.extend_from_slice(&bytes[i..end]);
                // The flags byte: no EXIF (0x08), no XMP (0x04) any more.
                body[start + 8] &= !0x0C;
            }
            _ => body.extend_from_slice(&bytes[i..end]),
        }
        i = end;
    }
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&u32::try_from(body.len()).ok()?.to_le_bytes());
    out.extend_from_slice(&body);
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A JPEG's segments: JFIF, EXIF with a GPS position, a comment, then the scan.
    pub fn jpeg_with_gps() -> Vec<u8> {
        let mut j = vec![0xFF, 0xD8];
        j.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
        j.extend_from_slice(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        let exif = b"Exif\0\0GPSLatitude 59.92 N GPSLongitude 16.60 E";
        j.extend_from_slice(&[0xFF, 0xE1, 0x00, (exif.len() + 2) as u8]);
        j.extend_from_slice(exif);
        j.extend_from_slice(&[0xFF, 0xFE, 0x00, 0x07]);
        j.extend_from_slice(b"Sala!");
        j.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0xAB, 0xCD, 0xFF, 0xD9]);
        j
    }

    #[test]
    fn a_jpeg_loses_its_exif_and_keeps_its_image() {
        let out = strip_metadata(&jpeg_with_gps()).unwrap();
        assert!(!out.windows(4).any(|w| w == b"Exif"));
        assert!(!out.windows(3).any(|w| w == b"GPS"));
        assert!(!out.windows(5).any(|w| w == b"Sala!"));
        assert!(out.windows(4).any(|w| w == b"JFIF"));
        assert!(out.ends_with(&[0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0xAB, 0xCD, 0xFF, 0xD9]));
        assert_eq!(strip_metadata(&out).unwrap(), out);
        assert_eq!(strip_metadata(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), None);
        assert_eq!(strip_metadata(b"text"), None);
    }

    #[test]
    fn a_png_loses_its_text_and_exif_chunks() {
        let chunk = |kind: &[u8], data: &[u8]| {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(data);
            c.extend_from_slice(&[0, 0, 0, 0]);
            c
        };
        let mut p = PNG_SIGNATURE.to_vec();
        p.extend(chunk(b"IHDR", &[0; 13]));
        p.extend(chunk(b"eXIf", b"GPS"));
        p.extend(chunk(b"tEXt", b"Author\0Anna"));
        p.extend(chunk(b"IDAT", &[1, 2, 3]));
        p.extend(chunk(b"IEND", &[]));
        let out = strip_metadata(&p).unwrap();
        assert!(!out.windows(3).any(|w| w == b"GPS") && !out.windows(4).any(|w| w == b"Anna"));
        assert!(out.windows(4).any(|w| w == b"IDAT") && out.windows(4).any(|w| w == b"IEND"));
    }

    #[test]
    fn a_webp_loses_its_exif_chunk_and_flag() {
        let mut body = b"WEBP".to_vec();
        body.extend_from_slice(b"VP8X\x0a\0\0\0");
        body.extend_from_slice(&[0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        body.extend_from_slice(b"VP8 \x04\0\0\0\x01\x02\x03\x04");
        body.extend_from_slice(b"EXIF\x03\0\0\0GPS\0");
        let mut w = b"RIFF".to_vec();
        w.extend_from_slice(&(body.len() as u32).to_le_bytes());
        w.extend_from_slice(&body);
        let out = strip_metadata(&w).unwrap();
        assert!(!out.windows(3).any(|x| x == b"GPS"));
        assert_eq!(out[20], 0, "the EXIF flag is cleared");
        assert_eq!(
            u32::from_le_bytes(out[4..8].try_into().unwrap()) as usize,
            out.len() - 8
        );
    }
}
