//! Positions in the source text: byte offsets (what the parser gives) to
//! 1-based lines and 1-based character columns (what Python reports), and
//! the text of a line.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as in the parser. This module
//! only reads the text; it never fails on an offset past the end (it clamps).

/// Line starts of one source text.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset of the first character of each line; `starts[0] == 0`.
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let mut starts = vec![0u32];
        let bytes = source.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// Number of lines (a text ending with a newline has an empty last line).
    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// Byte offset where 1-based `line` starts (clamped to the last line).
    pub fn line_start(&self, line: u32) -> u32 {
        let i = (line.max(1) as usize - 1).min(self.starts.len() - 1);
        self.starts[i]
    }

    /// The 1-based character column of byte `offset` in its line.
    pub fn column(&self, source: &str, offset: u32) -> u32 {
        let offset = clamp_to_char_boundary(source, offset);
        let start = self.line_start(self.line(offset)) as usize;
        source[start..offset as usize].chars().count() as u32 + 1
    }

    /// The text of 1-based `line` without its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        if line == 0 || line > self.line_count() {
            return "";
        }
        let start = self.line_start(line) as usize;
        let end = if (line as usize) < self.starts.len() {
            self.starts[line as usize] as usize
        } else {
            source.len()
        };
        source[start.min(source.len())..end.min(source.len())].trim_end_matches(['\n', '\r'])
    }
}

fn clamp_to_char_boundary(source: &str, offset: u32) -> u32 {
    let mut o = (offset as usize).min(source.len());
    while !source.is_char_boundary(o) {
        o -= 1;
    }
    o as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\ncé d\r\nx\ry";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 1);
        assert_eq!(idx.line(3), 2);
        // 'd' is at byte 7 (é is two bytes): column 4 in characters.
        assert_eq!(idx.column(src, 7), 4);
        assert_eq!(idx.line_text(src, 2), "cé d");
        assert_eq!(idx.line_text(src, 3), "x");
        assert_eq!(idx.line_text(src, 4), "y");
        assert_eq!(idx.line_text(src, 9), "");
    }
}
