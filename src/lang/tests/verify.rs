//! A checker for emitted code: follows every path through a code object
//! with the stack depth and the block stack (as `vm::code` defines each
//! op's effect, including where an exception enters a handler) and fails
//! if two paths meet with different states, the stack underflows, a
//! `PopBlock` / `PopExcept` / `EndAsyncFor` finds the wrong block, or a
//! `ReturnValue` leaves anything but its value behind.

use std::collections::VecDeque;

use crate::vm::code::{CodeObject, Const, Instr};

#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    /// A `SetupFinally`/`SetupWith`/`SetupAsyncWith` block: stack height.
    Finally(i32),
    /// An except handler entered at this height (`prev` is just above).
    Handler(i32),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct State {
    depth: i32,
    blocks: Vec<Block>,
}

/// Checks `code` and every nested code object.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{} ({}): {e}", code.qualname, code.name))?;
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

fn verify_one(code: &CodeObject) -> Result<(), String> {
    let n = code.instrs.len();
    if code.spans.len() != n || code.lines.len() != n {
        return Err("spans/lines length differs from instrs".into());
    }
    let mut states: Vec<Option<State>> = vec![None; n];
    let mut work = VecDeque::new();
    let visit = |states: &mut Vec<Option<State>>,
                 work: &mut VecDeque<usize>,
                 at: usize,
                 s: State|
     -> Result<(), String> {
        if at >= n {
            return Err(format!("jump or fall-through past the end to {at}"));
        }
        if s.depth < 0 {
            return Err(format!("negative stack depth entering {at}"));
        }
        match &states[at] {
            Some(old) if *old != s => Err(format!(
                "paths meet at {at} with different states: {old:?} vs {s:?}"
            )),
            Some(_) => Ok(()),
            None => {
                states[at] = Some(s);
                work.push_back(at);
                Ok(())
            }
        }
    };
    visit(
        &mut states,
        &mut work,
        0,
        State {
            depth: 0,
            blocks: vec![],
        },
    )?;
    while let Some(i) = work.pop_front() {
        let Some(s) = states[i].clone() else { continue };
        let instr = code.instrs[i];
        let need = |k: i32| -> Result<(), String> {
            if s.depth < k {
                Err(format!("{i}: {instr:?} needs {k} values, has {}", s.depth))
            } else {
                Ok(())
            }
        };
        let mut next = s.clone();
        let mut fall = true;
        use Instr::*;
        match instr {
            Nop | Swap(_) | GetIter | UnaryOp(_) | LoadAttr(_) | ListToTuple | YieldValue
            | GetYieldFromIter | GetAwaitable | GetAIter | SetupAnnotations | DeleteFast(_)
            | DeleteDeref(_) | DeleteName(_) | DeleteGlobal(_) | CheckExcMatch | CheckEgMatch => {
                if let Swap(k) = instr {
                    need(k as i32)?;
                }
                if matches!(
                    instr,
                    GetIter
                        | UnaryOp(_)
                        | LoadAttr(_)
                        | ListToTuple
                        | YieldValue
                        | GetYieldFromIter
                        | GetAwaitable
                        | GetAIter
                ) {
                    need(1)?;
                }
                if matches!(instr, CheckExcMatch | CheckEgMatch) {
                    need(2)?;
                }
            }
            Pop | StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_) | DeleteAttr(_)
            | BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_)
            | BinarySubscr | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_)
            | DictUpdate(_) | DictMerge(_) | YieldFrom | ImportName(_) | ImportStar => {
                need(1)?;
                next.depth -= 1;
            }
            Copy(k) => {
                need(k as i32)?;
                next.depth += 1;
            }
            PushNull | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
            | LoadClassDeref(_) | LoadName(_) | LoadGlobal(_) | LoadBuildClass
            | LoadAssertionError | GetANext | ImportFrom(_) | WithExceptStart | BeforeAsyncWith
            | LoadMethod(_) => next.depth += 1,
            PrepReraiseStar => {
                need(2)?;
                next.depth -= 1;
            }
            StoreAttr(_) | MapAdd(_) | DeleteSubscr => {
                need(2)?;
                next.depth -= 2;
            }
            StoreSubscr => {
                need(3)?;
                next.depth -= 3;
            }
            BuildSlice(k) | BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => {
                need(k as i32)?;
                next.depth += 1 - k as i32;
            }
            BuildMap(k) => {
                need(2 * k as i32)?;
                next.depth += 1 - 2 * k as i32;
            }
            FormatValue(f) => {
                if f & crate::vm::code::FORMAT_HAS_SPEC != 0 {
                    need(2)?;
                    next.depth -= 1;
                }
            }
            UnpackSequence(k) => {
                need(1)?;
                next.depth += k as i32 - 1;
            }
            UnpackEx(a) => {
                need(1)?;
                next.depth += (a & 0xff) as i32 + (a >> 8) as i32;
            }
            Jump(t) | JumpBackward(t) => {
                if matches!(instr, JumpBackward(_)) != (t as usize <= i) {
                    return Err(format!("{i}: {instr:?} has the wrong direction"));
                }
                visit(&mut states, &mut work, t as usize, s.clone())?;
                fall = false;
            }
            PopJumpIfFalse(t) | PopJumpIfTrue(t) => {
                need(1)?;
                next.depth -= 1;
                visit(&mut states, &mut work, t as usize, next.clone())?;
            }
            JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => {
                need(1)?;
                visit(&mut states, &mut work, t as usize, s.clone())?;
                next.depth -= 1;
            }
            ForIter(t) => {
                need(1)?;
                let mut done = s.clone();
                done.depth -= 1;
                visit(&mut states, &mut work, t as usize, done)?;
                next.depth += 1;
            }
            ReturnValue => {
                if s.depth != 1 || !s.blocks.is_empty() {
                    return Err(format!("{i}: return with state {s:?}"));
                }
                fall = false;
            }
            Reraise | RaiseVarargs(_) => {
                let k = match instr {
                    RaiseVarargs(k) => k as i32,
                    _ => 1,
                };
                need(k)?;
                fall = false;
            }
            Call(k) => {
                need(k as i32 + 2)?;
                next.depth -= k as i32 + 1;
            }
            CallKw(k) => {
                need(k as i32 + 3)?;
                next.depth -= k as i32 + 2;
            }
            CallEx(f) => {
                let k = 3 + (f & 1) as i32;
                need(k)?;
                next.depth -= k - 1;
            }
            MakeFunction(f) => {
                let k = 1 + f.count_ones() as i32;
                need(k)?;
                next.depth -= k - 1;
            }
            SetupFinally(t) => {
                let mut h = s.clone();
                h.blocks.push(Block::Handler(s.depth));
                h.depth = s.depth + 2;
                visit(&mut states, &mut work, t as usize, h)?;
                next.blocks.push(Block::Finally(s.depth));
            }
            SetupWith(t) => {
                need(1)?;
                let mut h = s.clone();
                h.blocks.push(Block::Handler(s.depth));
                h.depth = s.depth + 2;
                visit(&mut states, &mut work, t as usize, h)?;
                next.blocks.push(Block::Finally(s.depth));
                next.depth += 1;
            }
            SetupAsyncWith(t) => {
                need(2)?;
                let mut h = s.clone();
                h.blocks.push(Block::Handler(s.depth - 1));
                h.depth = s.depth + 1;
                visit(&mut states, &mut work, t as usize, h)?;
                next.blocks.push(Block::Finally(s.depth - 1));
            }
            PopBlock => match next.blocks.pop() {
                Some(Block::Finally(_)) => {}
                other => return Err(format!("{i}: PopBlock on {other:?}")),
            },
            PopExcept => match next.blocks.pop() {
                // `prev` is TOS; a kept return value may sit under it.
                Some(Block::Handler(h)) if s.depth > h => next.depth -= 1,
                other => return Err(format!("{i}: PopExcept on {other:?} at depth {}", s.depth)),
            },
            EndAsyncFor => match next.blocks.pop() {
                Some(Block::Handler(h)) if s.depth == h + 2 => next.depth = h - 1,
                other => {
                    return Err(format!(
                        "{i}: EndAsyncFor on {other:?} at depth {}",
                        s.depth
                    ))
                }
            },
        }
        if fall {
            visit(&mut states, &mut work, i + 1, next)?;
        }
    }
    Ok(())
}
