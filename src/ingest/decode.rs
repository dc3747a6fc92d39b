//! Bytes to text: UTF-8 with or without a byte-order mark, UTF-16 with one, the charset an
//! HTML page declares, else Windows-1252; CRLF and lone CR line ends become LF.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// What kind of content the bytes are expected to hold: an HTML page may declare its charset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Plain text or one line of a feed.
    Text,
    /// An HTML page (`<meta charset=…>` is honoured when the bytes are not UTF-8).
    Html,
}

/// Decode `bytes` to text with LF line ends. The error is a one-line message without the file
/// name (empty, binary, or bytes that no supported encoding explains), with a line number.
pub fn decode(bytes: &[u8], expect: Expect) -> Result<String, String> {
    let text = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if enc == UTF_8 {
            utf8_or_legacy(body, expect)?
        } else {
            let (text, had_errors) = enc.decode_without_bom_handling(body);
            if had_errors {
                return Err(format!(
                    "not valid {} (after its byte-order mark)",
                    enc.name()
                ));
            }
            text.into_owned()
        }
    } else {
        utf8_or_legacy(bytes, expect)?
    };
    if text.chars().all(char::is_whitespace) {
        return Err("empty file".into());
    }
    if let Some(pos) = text.find('\0') {
        return Err(format!("binary file (NUL byte at offset {pos}), not text"));
    }
    Ok(normalize_newlines(text))
}

/// UTF-8 when the bytes are valid UTF-8, else the charset an HTML page declares, else
/// Windows-1252 (whose five undefined bytes make the input unreadable).
fn utf8_or_legacy(bytes: &[u8], expect: Expect) -> Result<String, String> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary file (NUL byte at offset {pos}), not text"));
    }
    let err = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s.to_string()),
        Err(e) => e,
    };
    let declared = match expect {
        Expect::Html => {
            declared_charset(bytes).filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE)
        }
        Expect::Text => None,
    };
    let enc = declared.unwrap_or(WINDOWS_1252);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined (decoded as C1 controls).
    let c1 = enc == WINDOWS_1252 && text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c));
    if had_errors || c1 {
        let at = err.valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(format!(
            "line {line}: neither valid UTF-8 nor {} (byte 0x{:02X} at offset {at})",
            enc.name(),
            bytes[at]
        ));
    }
    Ok(text.into_owned())
}

/// The encoding named by `<meta charset=…>` or `content="…; charset=…"` in the first 4 KB.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in s.encode_utf16() {
            let b = if le { u.to_le_bytes() } else { u.to_be_bytes() };
            out.extend(b);
        }
        out
    }

    #[test]
    fn encodings_table() {
        let cases: Vec<(Vec<u8>, Expect, &str)> = vec![
            (b"Caf\xc3\xa9 talks".to_vec(), Expect::Text, "Café talks"),
            (b"\xEF\xBB\xBFa\r\nb\rc".to_vec(), Expect::Text, "a\nb\nc"),
            (
                utf16("Kyiv — talks\r\n", true),
                Expect::Text,
                "Kyiv — talks\n",
            ),
            (utf16("Kyiv — talks", false), Expect::Text, "Kyiv — talks"),
            (
                b"Caf\xe9 \x93talks\x94 \x96 end".to_vec(),
                Expect::Text,
                "Café “talks” – end",
            ),
            (
                b"<meta charset=\"iso-8859-2\"><p>\xb3\xf3d\xbc</p>".to_vec(),
                Expect::Html,
                "<meta charset=\"iso-8859-2\"><p>łódź</p>",
            ),
            (
                b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>\x80"
                    .to_vec(),
                Expect::Html,
                "<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>€",
            ),
        ];
        for (bytes, expect, want) in cases {
            assert_eq!(decode(&bytes, expect).as_deref(), Ok(want), "{bytes:?}");
        }
    }

    #[test]
    fn unreadable_bytes_are_refused_with_a_reason() {
        let cases: &[(&[u8], &str)] = &[
            (b"  \n", "empty file"),
            (b"\xEF\xBB\xBF \r\n", "empty file"),
            (b"ab\0cd", "binary"),
            (
                b"ok\nbad \x81\x8d here",
                "line 2: neither valid UTF-8 nor windows-1252 (byte 0x81 at offset 7)",
            ),
            (&[0xFF, 0xFE, 0x00, 0xD8], "not valid UTF-16LE"),
        ];
        for (bytes, want) in cases {
            let e = decode(bytes, Expect::Text).unwrap_err();
            assert!(e.contains(want), "{bytes:?}: {e}");
        }
    }
}
