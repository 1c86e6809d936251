//! Expressions (CPython's `compiler_visit_expr`) and conditional jumps
//! (`compiler_jump_if`: `and`/`or`/`not`/conditional expressions jump
//! without building booleans). Every expression sets the location of its
//! instructions to its own range and restores the outer one afterwards.
//! Loads only: assignment and deletion targets are `stmt`'s business.

use ruff_python_ast::{self as ast, BoolOp, CmpOp as AstCmp, Expr, Operator, UnaryOp as AstUnary};
use ruff_text_size::Ranged;

use super::unit::{JumpOp, Label, ScopeType};
use super::{CResult, Compiler, NameCtx};
use crate::lang::symtable::BlockType;
use crate::vm::code::{BinOp, CmpOp, Const, Instr, UnaryOp};

pub(crate) fn binop(op: Operator) -> BinOp {
    match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::FloorDiv => BinOp::FloorDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitAnd => BinOp::And,
        Operator::BitOr => BinOp::Or,
        Operator::BitXor => BinOp::Xor,
    }
}

/// The comparison instruction for one operator of a (chained) comparison.
fn compare_instr(op: AstCmp) -> Instr {
    match op {
        AstCmp::Eq => Instr::CompareOp(CmpOp::Eq),
        AstCmp::NotEq => Instr::CompareOp(CmpOp::Ne),
        AstCmp::Lt => Instr::CompareOp(CmpOp::Lt),
        AstCmp::LtE => Instr::CompareOp(CmpOp::Le),
        AstCmp::Gt => Instr::CompareOp(CmpOp::Gt),
        AstCmp::GtE => Instr::CompareOp(CmpOp::Ge),
        AstCmp::Is => Instr::IsOp(0),
        AstCmp::IsNot => Instr::IsOp(1),
        AstCmp::In => Instr::ContainsOp(0),
        AstCmp::NotIn => Instr::ContainsOp(1),
    }
}

/// Truthiness of a constant, when it is known at compile time.
fn const_truth(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(_) => true,
        Const::Float(f) => *f != 0.0,
        Const::Imag(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        Const::Ellipsis => true,
        Const::Code(_) => return None,
    })
}

impl<'a> Compiler<'a> {
    /// Compiles `e`, leaving its value on the stack.
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult {
        let old = self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.restore_loc(old);
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::BoolOp(b) => self.bool_op(b),
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store_target(&n.target)
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op)));
                Ok(())
            }
            Expr::UnaryOp(u) => {
                if let Some(c) = self.constant_of(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.expr(&u.operand)?;
                self.emit(Instr::UnaryOp(match u.op {
                    AstUnary::Invert => UnaryOp::Invert,
                    AstUnary::Not => UnaryOp::Not,
                    AstUnary::UAdd => UnaryOp::Pos,
                    AstUnary::USub => UnaryOp::Neg,
                }));
                Ok(())
            }
            Expr::Lambda(l) => self.lambda(l),
            Expr::If(i) => {
                let end = self.u().new_label();
                let orelse = self.u().new_label();
                self.jump_if(&i.test, orelse, false)?;
                self.expr(&i.body)?;
                self.u().emit_jump(JumpOp::Always, end);
                self.u().bind(orelse);
                self.expr(&i.orelse)?;
                self.u().bind(end);
                Ok(())
            }
            Expr::Dict(d) => self.dict(d),
            Expr::Set(s) => self.sequence_display(&s.elts, SeqKind::Set),
            Expr::List(l) => self.sequence_display(&l.elts, SeqKind::List),
            Expr::Tuple(t) => {
                if let Some(c) = self.constant_of(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.sequence_display(&t.elts, SeqKind::Tuple)
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.comprehension(e)
            }
            Expr::Await(a) => {
                self.check_await(a.range)?;
                self.expr(&a.value)?;
                self.emit_await();
                Ok(())
            }
            Expr::Yield(y) => {
                if self.block() != BlockType::Function {
                    return Err(self.error("'yield' outside function", y.range));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.emit(Instr::YieldValue);
                Ok(())
            }
            Expr::YieldFrom(y) => {
                if self.block() != BlockType::Function {
                    return Err(self.error("'yield' outside function", y.range));
                }
                if self.scope_type() == ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", y.range));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_none();
                self.emit(Instr::YieldFrom);
                Ok(())
            }
            Expr::Compare(c) => self.compare(c),
            Expr::Call(c) => self.call(c),
            Expr::FString(f) => self.fstring(f),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = self.constant_of(e).unwrap_or(Const::None);
                self.load_const(c);
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.mangled_name(a.attr.as_str());
                self.emit(Instr::LoadAttr(i));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::BinarySubscr);
                Ok(())
            }
            Expr::Slice(s) => self.slice(s),
            Expr::Starred(s) => Err(self.error("can't use starred expression here", s.range)),
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), NameCtx::Load);
                Ok(())
            }
            Expr::TString(t) => Err(Box::new(
                self.loc
                    .not_implemented("template strings (t-strings)", t.range.start().to_u32()),
            )),
            Expr::IpyEscapeCommand(c) => Err(Box::new(
                self.loc
                    .not_implemented("IPython escape commands", c.range.start().to_u32()),
            )),
        }
    }

    pub(crate) fn slice(&mut self, s: &'a ast::ExprSlice) -> CResult {
        for part in [&s.lower, &s.upper] {
            match part {
                Some(v) => self.expr(v)?,
                None => self.load_none(),
            }
        }
        if let Some(step) = &s.step {
            self.expr(step)?;
            self.emit(Instr::BuildSlice(3));
        } else {
            self.emit(Instr::BuildSlice(2));
        }
        Ok(())
    }

    /// `GetAwaitable; LoadConst None; YieldFrom`: awaits TOS.
    pub(crate) fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.load_none();
        self.emit(Instr::YieldFrom);
    }

    pub(crate) fn check_await(&self, range: ruff_text_size::TextRange) -> CResult {
        if self.block() != BlockType::Function {
            return Err(self.error("'await' outside function", range));
        }
        if !matches!(
            self.scope_type(),
            ScopeType::AsyncFunction | ScopeType::Comprehension
        ) {
            return Err(self.error("'await' outside async function", range));
        }
        Ok(())
    }

    fn bool_op(&mut self, b: &'a ast::ExprBoolOp) -> CResult {
        let end = self.u().new_label();
        let op = match b.op {
            BoolOp::And => JumpOp::IfFalseOrPop,
            BoolOp::Or => JumpOp::IfTrueOrPop,
        };
        let (last, init) = match b.values.split_last() {
            Some(x) => x,
            None => return Ok(()),
        };
        for v in init {
            self.expr(v)?;
            self.u().emit_jump(op, end);
        }
        self.expr(last)?;
        self.u().bind(end);
        Ok(())
    }

    /// `a < b < c`: each middle operand is evaluated once (`Swap`/`Copy`),
    /// and the chain stops at the first false comparison.
    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        let n = c.ops.len();
        let Some(first) = c.operands.first() else {
            return Ok(());
        };
        if n == 0 || c.operands.len() != n + 1 {
            return self.expr(first);
        }
        self.expr(first)?;
        if n == 1 {
            self.expr(&c.operands[1])?;
            self.emit(compare_instr(c.ops[0]));
            return Ok(());
        }
        let cleanup = self.u().new_label();
        for i in 0..n - 1 {
            self.expr(&c.operands[i + 1])?;
            self.emit(Instr::Swap(2));
            self.emit(Instr::Copy(2));
            self.emit(compare_instr(c.ops[i]));
            self.u().emit_jump(JumpOp::IfFalseOrPop, cleanup);
        }
        self.expr(&c.operands[n])?;
        self.emit(compare_instr(c.ops[n - 1]));
        let end = self.u().new_label();
        self.u().emit_jump(JumpOp::Always, end);
        self.u().bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Pop);
        self.u().bind(end);
        Ok(())
    }

    /// Jumps to `target` if the truth of `e` equals `cond`, else falls
    /// through; leaves nothing on the stack.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == AstUnary::Not => {
                return self.jump_if(&u.operand, target, !cond);
            }
            Expr::BoolOp(b) => {
                let is_or = b.op == BoolOp::Or;
                let next = if is_or != cond {
                    self.u().new_label()
                } else {
                    target
                };
                if let Some((last, init)) = b.values.split_last() {
                    for v in init {
                        self.jump_if(v, next, is_or)?;
                    }
                    self.jump_if(last, target, cond)?;
                }
                if next != target {
                    self.u().bind(next);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.u().new_label();
                let orelse = self.u().new_label();
                self.jump_if(&i.test, orelse, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.u().emit_jump(JumpOp::Always, end);
                self.u().bind(orelse);
                self.jump_if(&i.orelse, target, cond)?;
                self.u().bind(end);
                return Ok(());
            }
            _ => {}
        }
        if let Some(truth) = self.constant_of(e).as_ref().and_then(const_truth) {
            let old = self.set_loc(e.range());
            if truth == cond {
                self.u().emit_jump(JumpOp::Always, target);
            } else {
                self.emit(Instr::Nop);
            }
            self.restore_loc(old);
            return Ok(());
        }
        self.expr(e)?;
        let old = self.set_loc(e.range());
        let op = if cond {
            JumpOp::PopIfTrue
        } else {
            JumpOp::PopIfFalse
        };
        self.u().emit_jump(op, target);
        self.restore_loc(old);
        Ok(())
    }
}

/// Which display `sequence_display` builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SeqKind {
    List,
    Tuple,
    Set,
}
