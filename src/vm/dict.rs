//! The dict storage the interpreter uses everywhere (dict objects, class
//! and instance namespaces, module globals): [`super::table::Dict`] keyed
//! by values, plus the str fast path for attribute and global names.

use super::table;
use super::value::Value;

pub type Dict = table::Dict<Value, Value>;

/// Lookups by a str key's text, which never run Python code.
pub trait DictStr {
    fn get_str(&self, hash: i64, name: &str) -> Option<&Value>;
    fn find_str(&self, hash: i64, name: &str) -> Option<usize>;
}

impl DictStr for Dict {
    #[inline]
    fn get_str(&self, hash: i64, name: &str) -> Option<&Value> {
        self.get_by(hash, |k| k.as_str() == Some(name))
    }

    #[inline]
    fn find_str(&self, hash: i64, name: &str) -> Option<usize> {
        self.find_by(hash, |k| k.as_str() == Some(name))
    }
}
