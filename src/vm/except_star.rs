//! `except*` at run time (PEP 654): matching one clause against the
//! exception being handled (CPython 3.11's `CHECK_EG_MATCH` with
//! `exception_group_match`) and, after the last clause, combining what
//! the clauses raised with the unhandled rest into the one exception that
//! leaves the `try` (`_PyExc_PrepReraiseStar` in `Objects/exceptions.c`).
//!
//! The compiler's side is `lang::compiler::control` (`try_star_except`);
//! the groups' `split` and `derive` are `builtins::exception_group`. This
//! module never touches frames or the block stack: its two ops take and
//! return stack values.

use std::rc::Rc;

use super::builtins::exception_group::{new_group, split_by, split_of};
use super::call::Args;
use super::value::{Obj, ObjRef, Value};
use super::{PyResult, Vm};

impl Vm {
    /// `CheckEgMatch`: (rest, match) of `exc` for an `except* ty:` clause;
    /// match is None when the clause does not apply (rest is then `exc`
    /// unchanged). A match becomes the handled exception
    /// (`sys.exc_info()` inside the clause, `__context__` of what it
    /// raises).
    pub(crate) fn check_eg_match(&mut self, exc: Value, ty: &Value) -> PyResult<(Value, Value)> {
        self.check_except_star_type(ty)?;
        let Value::Obj(e) = &exc else {
            return Ok((exc, Value::None));
        };
        let e = e.clone();
        if self.exception_matches(&exc, ty)? {
            let matched = if self.exc_is(&e, "BaseExceptionGroup") {
                exc
            } else {
                // A naked exception is wrapped for the clause (without a
                // traceback of its own, as 3.11 does).
                let cls = self.types.exc("BaseExceptionGroup");
                let args = vec![Value::str(""), Value::tuple(vec![exc])];
                new_group(self, &cls, &Args::new(args))?
            };
            self.handled = matched.clone();
            return Ok((Value::None, matched));
        }
        if !self.exc_is(&e, "BaseExceptionGroup") {
            return Ok((exc, Value::None));
        }
        match split_of(self, &e, ty)? {
            (Some(matched), rest) => {
                self.handled = matched.clone();
                Ok((rest.unwrap_or(Value::None), matched))
            }
            (None, _) => Ok((exc, Value::None)),
        }
    }

    /// The type of an `except*` clause: what `except` accepts, but no
    /// exception group class (CPython's `check_except_star_type_valid`).
    fn check_except_star_type(&mut self, ty: &Value) -> PyResult<()> {
        // Rejects what is no exception class, with `except`'s message.
        self.exception_matches(&Value::None, ty)?;
        let group = self.types.exc("BaseExceptionGroup");
        let items: Vec<Value> = match ty.as_tuple() {
            Some(t) => t.to_vec(),
            None => vec![ty.clone()],
        };
        let is_group = items.iter().any(|t| {
            t.as_obj()
                .is_some_and(|c| super::types::is_subtype(c, &group))
        });
        if is_group {
            return self.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            );
        }
        Ok(())
    }

    /// `PrepReraiseStar`: what leaves a `try`/`except*` given the exception
    /// caught (`orig`) and the list of what the clauses raised followed by
    /// the unhandled rest; None when nothing does.
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, results: &Value) -> PyResult<Value> {
        let excs = self.collect(results)?;
        let Some(orig) = orig.as_obj().cloned() else {
            return Ok(Value::None);
        };
        if !self.exc_is(&orig, "BaseExceptionGroup") {
            // A naked exception: at most one clause ran, so there is at
            // most one thing to raise, first in the list.
            return Ok(excs.into_iter().next().unwrap_or(Value::None));
        }
        let (mut raised, mut reraised) = (Vec::new(), Vec::new());
        for e in excs {
            let Some(o) = e.as_obj() else { continue };
            if self.same_exception_metadata(o, &orig) {
                reraised.push(o.clone());
            } else {
                raised.push(e);
            }
        }
        let reraised = self.exception_group_projection(&orig, &reraised)?;
        if raised.is_empty() {
            return Ok(reraised);
        }
        if !reraised.is_none() {
            raised.push(reraised);
        }
        if raised.len() == 1 {
            return Ok(raised.pop().unwrap_or(Value::None));
        }
        let cls = self.types.exc("BaseExceptionGroup");
        let args = vec![Value::str(""), Value::list(raised)];
        new_group(self, &cls, &Args::new(args))
    }

    /// Whether `e` is (a part of) `orig` as split made it: the same
    /// traceback, cause, context and notes. A part re-raised with a bare
    /// `raise` still is; `raise e` added a traceback entry, so it is not.
    fn same_exception_metadata(&mut self, e: &ObjRef, orig: &ObjRef) -> bool {
        let (Obj::Exception(a), Obj::Exception(b)) = (&**e, &**orig) else {
            return false;
        };
        let same_tb = {
            let (ta, tb) = (a.traceback.borrow(), b.traceback.borrow());
            ta.len() == tb.len()
                && ta
                    .iter()
                    .zip(tb.iter())
                    .all(|(x, y)| Rc::ptr_eq(&x.code, &y.code) && x.pc == y.pc)
        };
        let notes = |vm: &mut Vm, o: &ObjRef| {
            vm.get_attr_str(&Value::Obj(o.clone()), "__notes__")
                .unwrap_or(Value::None)
        };
        let (na, nb) = (notes(self, e), notes(self, orig));
        same_tb
            && na.is(&nb)
            && a.cause.borrow().is(&b.cause.borrow())
            && a.context.borrow().is(&b.context.borrow())
    }

    /// The part of `eg` whose leaves are leaves of `keep` (CPython's
    /// `exception_group_projection`): re-raised parts go back where they
    /// were in the original tree. None if there is none.
    fn exception_group_projection(&mut self, eg: &ObjRef, keep: &[ObjRef]) -> PyResult<Value> {
        let mut leaves = Vec::new();
        for k in keep {
            self.collect_leaves(k, &mut leaves);
        }
        if leaves.is_empty() {
            return Ok(Value::None);
        }
        let mut is_leaf = |_: &mut Vm, v: &Value| -> PyResult<bool> {
            Ok(v.as_obj()
                .is_some_and(|o| leaves.iter().any(|l| Rc::ptr_eq(l, o))))
        };
        let (matched, _) = split_by(self, eg, false, &mut is_leaf)?;
        Ok(matched.unwrap_or(Value::None))
    }

    fn collect_leaves(&mut self, e: &ObjRef, out: &mut Vec<ObjRef>) {
        if !self.exc_is(e, "BaseExceptionGroup") {
            out.push(e.clone());
            return;
        }
        let excs = super::builtins::exception_group::attr(self, e, "exceptions")
            .and_then(|v| v.as_tuple().map(<[Value]>::to_vec))
            .unwrap_or_default();
        for sub in excs {
            if let Some(o) = sub.as_obj() {
                self.collect_leaves(o, out);
            }
        }
    }
}
