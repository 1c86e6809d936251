//! Scope analysis as the emitted code shows it: which op reaches a name.

use super::*;

#[test]
fn module_names_use_name_ops() {
    let code = ok("x = 1\ny = x\ndel x\n");
    assert!(has(&code, |i| matches!(i, Instr::StoreName(_))));
    assert!(has(&code, |i| matches!(i, Instr::LoadName(_))));
    assert!(has(&code, |i| matches!(i, Instr::DeleteName(_))));
}

#[test]
fn function_locals_are_fast_globals_are_global() {
    let code = ok("def f(a, b=2, *args, c, d=4, **kw):\n    x = a + g\n    return x\n");
    let f = code_named(&code, "f");
    assert_eq!(strs(&f.varnames), ["a", "b", "c", "d", "args", "kw", "x"]);
    assert_eq!(f.argcount, 2);
    assert_eq!(f.kwonlyargcount, 2);
    assert_eq!(f.total_params(), 6);
    assert!(has(&f, |i| matches!(i, Instr::LoadGlobal(_))));
    assert_eq!(names(&f), ["g"]);
    assert!(has(&f, |i| *i == Instr::StoreFast(6)));
}

#[test]
fn closures_cells_and_freevars() {
    let code =
        ok("def outer(p):\n    x = 1\n    def inner():\n        return x + p\n    return inner\n");
    let outer = code_named(&code, "outer");
    let inner = code_named(&code, "inner");
    assert_eq!(strs(&outer.cellvars), ["p", "x"]);
    assert_eq!(outer.cell_for_param(0), Some(0));
    assert_eq!(strs(&inner.freevars), ["p", "x"]);
    assert!(has_seq(
        &outer,
        &[
            "LoadClosure",
            "LoadClosure",
            "BuildTuple",
            "LoadConst",
            "MakeFunction"
        ]
    ));
    assert!(has(&inner, |i| matches!(i, Instr::LoadDeref(_))));
    assert!(has(&outer, |i| matches!(i, Instr::StoreDeref(_))));
    assert_eq!(&*inner.qualname, "outer.<locals>.inner");
}

#[test]
fn free_variable_passes_through_a_middle_function() {
    let code = ok("def a():\n    v = 1\n    def b():\n        def c():\n            return v\n        return c\n    return b\n");
    let b = code_named(&code, "b");
    let c = code_named(&code, "c");
    assert_eq!(strs(&b.freevars), ["v"]);
    assert_eq!(strs(&c.freevars), ["v"]);
    assert!(b.cellvars.is_empty());
}

#[test]
fn global_and_nonlocal_statements() {
    let code = ok(
        "counter = 0\ndef inc():\n    global counter\n    counter += 1\n\
         def make():\n    n = 0\n    def bump():\n        nonlocal n\n        n += 1\n        return n\n    return bump\n",
    );
    let inc = code_named(&code, "inc");
    assert!(has(&inc, |i| matches!(i, Instr::LoadGlobal(_))));
    assert!(has(&inc, |i| matches!(i, Instr::StoreGlobal(_))));
    // The module sees `counter` as declared global too.
    assert!(has(&code, |i| matches!(i, Instr::StoreGlobal(_))));
    let bump = code_named(&code, "bump");
    assert_eq!(strs(&bump.freevars), ["n"]);
    assert!(has(&bump, |i| matches!(i, Instr::StoreDeref(_))));
}

#[test]
fn class_scope_is_not_visible_to_methods() {
    let code = ok("class C:\n    x = 1\n    def m(self):\n        return x\n");
    let m = code_named(&code, "m");
    assert!(has(&m, |i| matches!(i, Instr::LoadGlobal(_))));
    assert!(m.freevars.is_empty());
    assert_eq!(&*m.qualname, "C.m");
}

#[test]
fn class_in_function_uses_class_deref() {
    let code = ok("def f():\n    x = 1\n    class C:\n        y = x\n        def m(self):\n            return x\n    return C\n");
    let c = code_named(&code, "C");
    assert_eq!(strs(&c.freevars), ["x"]);
    assert!(has(&c, |i| matches!(i, Instr::LoadClassDeref(_))));
    assert_eq!(&*c.qualname, "f.<locals>.C");
    let m = code_named(&code, "m");
    assert_eq!(strs(&m.freevars), ["x"]);
}

#[test]
fn class_local_also_free_in_method() {
    // `x` is bound in the class body and free in the method: the class
    // gets it as a free variable (DEF_FREE_CLASS) and keeps name ops.
    let code = ok("def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n");
    let c = code_named(&code, "C");
    assert_eq!(strs(&c.freevars), ["x"]);
    assert!(has(&c, |i| matches!(i, Instr::StoreName(_))));
}

#[test]
fn comprehension_scopes() {
    let code = ok("def f(xs, k):\n    return [x * k for x in xs if x]\n");
    let f = code_named(&code, "f");
    let lc = code_named(&code, "<listcomp>");
    assert_eq!(strs(&f.cellvars), ["k"]);
    assert_eq!(strs(&lc.freevars), ["k"]);
    assert_eq!(strs(&lc.varnames), [".0", "x"]);
    assert_eq!(&*lc.qualname, "f.<locals>.<listcomp>");
}

#[test]
fn class_body_comprehension_cannot_see_class_names() {
    let code = ok("class C:\n    a = 1\n    b = [a for _ in range(3)]\n");
    let lc = code_named(&code, "<listcomp>");
    assert!(has(&lc, |i| matches!(i, Instr::LoadGlobal(_))));
}

#[test]
fn walrus_in_comprehension_binds_in_enclosing_function() {
    let code = ok("def f(xs):\n    if any((last := x) > 2 for x in xs):\n        return last\n");
    let f = code_named(&code, "f");
    let g = code_named(&code, "<genexpr>");
    assert_eq!(strs(&f.cellvars), ["last"]);
    assert_eq!(strs(&g.freevars), ["last"]);
    assert!(has(&g, |i| matches!(i, Instr::StoreDeref(_))));
    // At module level it binds a global.
    let code = ok("[y := i for i in range(3)]\nprint(y)\n");
    let lc = code_named(&code, "<listcomp>");
    assert!(has(&lc, |i| matches!(i, Instr::StoreGlobal(_))));
}

#[test]
fn super_creates_class_cell() {
    let code = ok("class A(B):\n    def m(self):\n        return super().m()\n");
    let a = code_named(&code, "A");
    let m = code_named(&code, "m");
    assert_eq!(strs(&a.cellvars), ["__class__"]);
    assert_eq!(strs(&m.freevars), ["__class__"]);
    assert!(has_seq(
        &a,
        &["LoadClosure", "StoreName", "LoadConst", "ReturnValue"]
    ));
    assert!(names(&a).contains(&"__classcell__".to_string()));
    // The class body builds the method's closure from its own cell.
    assert!(has_seq(
        &a,
        &["LoadClosure", "BuildTuple", "LoadConst", "MakeFunction"]
    ));
}

#[test]
fn dunder_class_also_creates_the_cell() {
    let code = ok("class A:\n    def m(self):\n        return __class__\n");
    let a = code_named(&code, "A");
    assert_eq!(strs(&a.cellvars), ["__class__"]);
}

#[test]
fn private_names_are_mangled() {
    let code = ok("class C:\n    __x = 1\n    def m(self):\n        return self.__y + __z\n    def __p(self): pass\n");
    let c = code_named(&code, "C");
    assert!(names(&c).contains(&"_C__x".to_string()));
    assert!(names(&c).contains(&"_C__p".to_string()));
    let m = code_named(&code, "m");
    assert_eq!(names(&m), ["_C__y", "_C__z"]);
    let p = code_named(&code, "__p");
    assert_eq!(&*p.qualname, "C.__p");
}

#[test]
fn parameter_captured_is_a_cell() {
    let code = ok("def f(a, b):\n    return lambda: b\n");
    let f = code_named(&code, "f");
    assert_eq!(strs(&f.cellvars), ["b"]);
    assert_eq!(f.cell_for_param(1), Some(0));
    assert_eq!(f.cell_for_param(0), None);
}

#[test]
fn except_name_is_cleared() {
    let code = ok("def f():\n    try:\n        g()\n    except E as e:\n        h(e)\n");
    let f = code_named(&code, "f");
    assert!(has_seq(&f, &["LoadConst", "StoreFast", "DeleteFast"]));
}

#[test]
fn global_qualname_of_nested_def() {
    let code = ok("def f():\n    global g\n    def g(): pass\n");
    let g = code_named(&code, "g");
    assert_eq!(&*g.qualname, "g");
}

#[test]
fn scope_edge_cases_compile() {
    // Each of these compiles with python3; the checker validates the code.
    let code = ok("class C:\n    global g\n    g = 1\n    import __priv\n    x = (y := 2)\n    f = lambda v=x: v\n");
    let c = code_named(&code, "C");
    assert!(has(&c, |i| matches!(i, Instr::StoreGlobal(_))));
    assert!(names(&c).contains(&"_C__priv".to_string()));
    let code =
        ok("def f():\n    global e\n    try:\n        pass\n    except E as e:\n        pass\n");
    let f = code_named(&code, "f");
    assert!(has(&f, |i| matches!(i, Instr::DeleteGlobal(_))));
    let code = ok(
        "def outer():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2\n    return C\n",
    );
    let c = code_named(&code, "C");
    assert!(has(&c, |i| matches!(i, Instr::StoreDeref(_))));
    let code = ok(
        "def f():\n    global g\n    del g\n    x = 1\n    del x\n    def h():\n        return x\n",
    );
    let f = code_named(&code, "f");
    assert!(has(&f, |i| matches!(i, Instr::DeleteGlobal(_))));
    assert!(has(&f, |i| matches!(i, Instr::DeleteDeref(_))));
}
