//! Snapshot tests: the full disassembly of small programs, to pin the
//! exact code shapes (read them with `vm::dis`'s format in mind).

use super::*;

#[test]
fn closure_loop_try_break_snapshot() {
    let code = ok("def outer(xs):\n    n = 0\n    def add(k):\n        nonlocal n\n        n += k\n    for x in xs:\n        try:\n            add(x)\n        except TypeError:\n            break\n    return n\n");
    assert_eq!(
        dis(&code),
        r#"   1       0 LoadConst                 0 (<code object outer>)
           1 MakeFunction              0
           2 StoreName                 0 (outer)
           3 LoadConst                 1 (None)
           4 ReturnValue

Disassembly of <code object outer, file "main.py", line 1>:
   2       0 LoadConst                 0 (0)
           1 StoreDeref                0 (n)
   3       2 LoadClosure               0 (n)
           3 BuildTuple                1
           4 LoadConst                 1 (<code object add>)
           5 MakeFunction              8 (closure)
           6 StoreFast                 1 (add)
   6       7 LoadFast                  0 (xs)
           8 GetIter
     >>    9 ForIter                  31 (to 31)
          10 StoreFast                 2 (x)
   7      11 SetupFinally             19 (to 19)
   8      12 PushNull
          13 LoadFast                  1 (add)
          14 LoadFast                  2 (x)
          15 Call                      1
          16 Pop
          17 PopBlock
          18 Jump                     30 (to 30)
   9 >>   19 LoadGlobal                0 (TypeError)
          20 CheckExcMatch
          21 PopJumpIfFalse           29 (to 29)
          22 Pop
  10      23 Nop
          24 PopExcept
          25 Pop
          26 Jump                     31 (to 31)
   9      27 PopExcept
          28 Jump                     30 (to 30)
   7 >>   29 Reraise
   6 >>   30 JumpBackward              9 (to 9)
  11 >>   31 LoadDeref                 0 (n)
          32 ReturnValue

Disassembly of <code object add, file "main.py", line 3>:
   5       0 LoadDeref                 0 (n)
           1 LoadFast                  0 (k)
           2 InplaceOp                 0 (+=)
           3 StoreDeref                0 (n)
           4 LoadConst                 0 (None)
           5 ReturnValue
"#
    );
}
