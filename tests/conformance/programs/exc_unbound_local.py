# UnboundLocalError and NameError: the scope mistakes learners make.

counter = 0


def increment_wrong():
    counter += 1
    return counter


def increment_right():
    global counter
    counter += 1
    return counter


def conditional(flag):
    if flag:
        message = "set"
    return message


def use_before_def():
    print(value)
    value = 3


def deleted():
    temp = 1
    del temp
    return temp


for func, args in [(increment_wrong, ()), (increment_right, ()), (conditional, (True,)),
                   (conditional, (False,)), (use_before_def, ()), (deleted, ())]:
    try:
        print(func.__name__, "->", func(*args))
    except UnboundLocalError as e:
        print(func.__name__, "-> UnboundLocalError:", e)
    except NameError as e:
        print(func.__name__, "-> NameError:", e)

print(issubclass(UnboundLocalError, NameError))


def outer():
    x = 1

    def inner():
        x += 1
        return x

    return inner()


try:
    outer()
except UnboundLocalError as e:
    print("closure:", e)
try:
    print(never_defined)
except NameError as e:
    print("NameError:", e, "| name:", e.name)
try:
    exec_result = undefined_function(3)
except NameError as e:
    print("NameError:", e)
