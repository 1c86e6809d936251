//! The set storage: [`super::table::SetTable`] (CPython's set table, so
//! iteration order matches CPython's) keyed by values.

use super::table;
use super::value::Value;

pub type SetData = table::SetTable<Value>;
