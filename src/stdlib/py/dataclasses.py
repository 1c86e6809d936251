"""dataclasses: the @dataclass decorator and its helpers (field, fields,
asdict, astuple, replace, is_dataclass, make_dataclass, KW_ONLY, InitVar,
FrozenInstanceError), as in CPython 3.11.

Written for Interleave. Like CPython, the generated __init__, __repr__,
__eq__, the order methods, __hash__ and the frozen __setattr__ and
__delattr__ are Python source compiled at decoration time (by
`_exec_definitions`, given to this module by the interpreter), so their
signatures, argument errors and tracebacks ("<string>") are CPython's.

Not simulated: typing.ClassVar (there is no typing module). asdict()
and astuple() copy leaf values with a small deepcopy of their own
(containers, and instances through their __dict__)."""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    # The default of an __init__ parameter whose field has a factory.
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    """A pseudo-field passed to __init__ and __post_init__, not stored."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class _MappingProxy:
    # A read-only view of a mapping (types.MappingProxyType).
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        object.__setattr__(self, '_mapping', mapping)

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)


class Field:
    """What a dataclass knows about one field."""
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr',
                 'hash', 'init', 'compare', 'metadata', 'kw_only',
                 '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _MappingProxy({} if metadata is None else metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return ('Field('
                    f'name={self.name!r},'
                    f'type={self.type!r},'
                    f'default={self.default!r},'
                    f'default_factory={self.default_factory!r},'
                    f'init={self.init!r},'
                    f'repr={self.repr!r},'
                    f'hash={self.hash!r},'
                    f'compare={self.compare!r},'
                    f'metadata={self.metadata!r},'
                    f'kw_only={self.kw_only!r},'
                    f'_field_type={self._field_type}'
                    ')')
        finally:
            _repr_running.discard(key)

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


# ids of the objects whose generated __repr__ is running (a recursive
# structure prints as '...').
_repr_running = set()


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field: its default or default_factory (a 0-argument
    callable), and whether it is an __init__ parameter (init), shown by
    repr, hashed, compared, keyword-only."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---- generating methods -----------------------------------------------------

_FunctionType = type(field)


def _create_fn(name, params, body, module, names, return_type=MISSING):
    # Compiles `def name(params): body` inside a factory whose parameters
    # are `names` (so the function sees them as closure variables), in the
    # namespace of module `module`, and returns the function.
    names = dict(names)
    returns = ''
    if return_type is not MISSING:
        names['_return_type'] = return_type
        returns = '->_return_type'
    lines = [f"def __create_fn__({', '.join(names)}):",
             f" def {name}({','.join(params)}){returns}:"]
    lines.extend(f'  {line}' for line in body)
    lines.append(f' return {name}')
    namespace = {}
    _exec_definitions('\n'.join(lines), module, namespace)
    return namespace['__create_fn__'](**names)


def _tuple_str(obj_name, flds):
    if not flds:
        return '()'
    return '(' + ','.join(f'{obj_name}.{f.name}' for f in flds) + ',)'


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
    return f'{self_name}.{name}={value}'


def _field_init(f, frozen, names, self_name, slots):
    # The __init__ line that sets field f, or None.
    default_name = f'_dflt_{f.name}'
    if f.default_factory is not MISSING:
        names[default_name] = f.default_factory
        if f.init:
            value = (f'{default_name}() '
                     f'if {f.name} is _HAS_DEFAULT_FACTORY '
                     f'else {f.name}')
        else:
            value = f'{default_name}()'
    elif f.init:
        if f.default is not MISSING:
            names[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        names[default_name] = f.default
        value = default_name
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    if f.default is not MISSING:
        default = f'=_dflt_{f.name}'
    elif f.default_factory is not MISSING:
        default = '=_HAS_DEFAULT_FACTORY'
    else:
        default = ''
    return f'{f.name}:_type_{f.name}{default}'


def _init_fn(all_fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, module, slots):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} '
                                'follows default argument')
    names = {f'_type_{f.name}': f.type for f in all_fields}
    names['MISSING'] = MISSING
    names['_HAS_DEFAULT_FACTORY'] = _HAS_DEFAULT_FACTORY
    names['__dataclass_builtins_object__'] = object
    body = []
    for f in all_fields:
        line = _field_init(f, frozen, names, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        initvars = ','.join(f.name for f in all_fields
                            if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({initvars})')
    if not body:
        body = ['pass']
    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params.append('*')
        params.extend(_init_param(f) for f in kw_only_fields)
    return _create_fn('__init__', params, body, module, names, return_type=None)


def _repr_fn(flds, module):
    shown = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in flds)
    body = ['__dataclass_key__ = __dataclass_id__(self)',
            'if __dataclass_key__ in __dataclass_running__:',
            " return '...'",
            '__dataclass_running__.add(__dataclass_key__)',
            'try:',
            f' return self.__class__.__qualname__ + f"({shown})"',
            'finally:',
            ' __dataclass_running__.discard(__dataclass_key__)']
    names = {'__dataclass_running__': _repr_running, '__dataclass_id__': id}
    return _create_fn('__repr__', ('self',), body, module, names)


def _frozen_get_del_attr(cls, flds, module):
    names = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    if flds:
        fields_str = '(' + ','.join(repr(f.name) for f in flds) + ',)'
    else:
        fields_str = '()'
    setattr_fn = _create_fn(
        '__setattr__', ('self', 'name', 'value'),
        (f'if type(self) is cls or name in {fields_str}:',
         ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
         'super(cls, self).__setattr__(name, value)'),
        module, names)
    delattr_fn = _create_fn(
        '__delattr__', ('self', 'name'),
        (f'if type(self) is cls or name in {fields_str}:',
         ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
         'super(cls, self).__delattr__(name)'),
        module, names)
    return setattr_fn, delattr_fn


def _cmp_fn(name, op, self_tuple, other_tuple, module):
    return _create_fn(name, ('self', 'other'),
                      ['if other.__class__ is self.__class__:',
                       f' return {self_tuple}{op}{other_tuple}',
                       'return NotImplemented'],
                      module, {})


def _hash_fn(flds, module):
    return _create_fn('__hash__', ('self',),
                      [f'return hash({_tuple_str("self", flds)})'], module, {})


def _set_qualname(cls, value):
    if isinstance(value, _FunctionType):
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    return value


def _set_new_attribute(cls, name, value):
    # Adds a generated method unless the class defines its own; True if
    # it does.
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _hash_action(unsafe_hash, eq, frozen, has_explicit_hash):
    # What to do about __hash__: 'add', 'none' (unhashable), 'error' or
    # None (leave it), the table of CPython's dataclasses.
    if unsafe_hash:
        return 'error' if has_explicit_hash else 'add'
    if eq and not has_explicit_hash:
        return 'add' if frozen else 'none'
    return None


# ---- field discovery ----------------------------------------------------------

def _annotation_names(annotation, name):
    # Whether a string annotation is `name[...]` or `<module>.name[...]`.
    text = annotation.lstrip()
    head = text.split('[', 1)[0].strip()
    return head == name or head.endswith('.' + name)


def _is_initvar(a_type):
    return (a_type is InitVar or type(a_type) is InitVar
            or (isinstance(a_type, str) and _annotation_names(a_type, 'InitVar')))


def _is_classvar(a_type):
    # typing.ClassVar needs the typing module, which is not simulated
    # (CPython, too, sees no ClassVar when typing is not loaded).
    return False


def _is_kw_only(a_type):
    return a_type is KW_ONLY or (isinstance(a_type, str)
                                 and _annotation_names(a_type, 'KW_ONLY'))


def _unhashable_default(value):
    # CPython refuses a default whose class has __hash__ None (list, dict,
    # set, and classes defining __eq__ without __hash__).
    if isinstance(value, (list, dict, set)):
        return True
    return type(value).__hash__ is None


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a '
                            'default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError(f'field {f.name} is a ClassVar but specifies '
                        'kw_only')
    if f._field_type is _FIELD and _unhashable_default(f.default):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


# ---- the class docstring (inspect.signature's text) -------------------------

def _format_annotation(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


def _format_param(name, annotation, default):
    text = name
    if annotation is not MISSING:
        text += ': ' + _format_annotation(annotation)
    if default is not MISSING:
        text += (' = ' if annotation is not MISSING else '=') + repr(default)
    return text


def _text_signature(func):
    # inspect.signature(cls) of a class whose __init__ is func, without
    # ' -> None'; '' when func is not a Python function.
    if not isinstance(func, _FunctionType):
        return '()'
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nkw = code.co_kwonlyargcount
    annotations = func.__annotations__
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    parts = []
    first_default = npos - len(defaults)
    for i in range(1, npos):
        default = defaults[i - first_default] if i >= first_default else MISSING
        parts.append(_format_param(names[i], annotations.get(names[i], MISSING), default))
    varargs = code.co_flags & 0x04
    if varargs:
        star = names[npos + nkw]
        parts.append('*' + _format_param(star, annotations.get(star, MISSING), MISSING))
    elif nkw:
        parts.append('*')
    for name in names[npos:npos + nkw]:
        parts.append(_format_param(name, annotations.get(name, MISSING),
                                   kwdefaults.get(name, MISSING)))
    if code.co_flags & 0x08:
        star2 = names[npos + nkw + (1 if varargs else 0)]
        parts.append('**' + _format_param(star2, annotations.get(star2, MISSING), MISSING))
    return '(' + ', '.join(parts) + ')'


# ---- the decorator ------------------------------------------------------------

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    all_fields = {}
    module = cls.__module__
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                all_fields[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))
    for f in cls_fields:
        all_fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')
    setattr(cls, _FIELDS, all_fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    init_fields = [f for f in all_fields.values()
                   if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = tuple(f for f in init_fields if f.init and not f.kw_only)
    kw_only_init_fields = tuple(f for f in init_fields if f.init and f.kw_only)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in all_fields else 'self'
        _set_new_attribute(cls, '__init__',
                           _init_fn(init_fields, std_init_fields,
                                    kw_only_init_fields, frozen,
                                    has_post_init, self_name, module, slots))

    field_list = [f for f in all_fields.values() if f._field_type is _FIELD]
    if repr:
        flds = [f for f in field_list if f.repr]
        _set_new_attribute(cls, '__repr__', _repr_fn(flds, module))
    if eq:
        flds = [f for f in field_list if f.compare]
        _set_new_attribute(cls, '__eq__',
                           _cmp_fn('__eq__', '==', _tuple_str('self', flds),
                                   _tuple_str('other', flds), module))
    if order:
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', flds)
        other_tuple = _tuple_str('other', flds)
        for name, op in [('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')]:
            if _set_new_attribute(cls, name, _cmp_fn(name, op, self_tuple,
                                                     other_tuple, module)):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')
    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, module):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')

    action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen),
                          has_explicit_hash)
    if action == 'add':
        flds = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _set_qualname(cls, _hash_fn(flds, module))
    elif action == 'none':
        cls.__hash__ = None
    elif action == 'error':
        raise TypeError(f'Cannot overwrite attribute __hash__ '
                        f'in class {cls.__name__}')

    if not getattr(cls, '__doc__'):
        try:
            text_sig = _text_signature(cls.__init__)
        except (TypeError, ValueError, AttributeError):
            text_sig = ''
        cls.__doc__ = cls.__name__ + text_sig

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))
    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)
    return cls


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    if hasattr(slots, '__next__'):
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return tuple(slots)


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for fld, value in zip(fields(self), state):
        object.__setattr__(self, fld.name, value)


def _add_slots(cls, is_frozen, weakref_slot):
    # A new class like cls, with __slots__ naming its fields.
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_get_slots(base))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(n for n in wanted if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add __init__, __repr__, __eq__ (and, when asked, order methods,
    __hash__, frozen assignment checks) to a class from its annotated
    fields."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


# ---- functions on dataclasses ---------------------------------------------------

def fields(class_or_instance):
    """The fields (Field objects) of a dataclass or one of its instances."""
    try:
        flds = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in flds.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


_ATOMIC = (type(None), bool, int, float, str, bytes, type, range,
           _FunctionType, type(len), type(Ellipsis), type(NotImplemented))


def _deepcopy(obj, memo):
    # copy.deepcopy for what asdict()/astuple() meet at their leaves.
    if isinstance(obj, _ATOMIC) and type(obj) in _ATOMIC:
        return obj
    key = id(obj)
    if key in memo:
        return memo[key]
    deepcopy = getattr(obj, '__deepcopy__', None)
    if deepcopy is not None and not isinstance(obj, type):
        result = deepcopy(memo)
    elif type(obj) is list:
        result = []
        memo[key] = result
        result.extend(_deepcopy(v, memo) for v in obj)
    elif type(obj) is dict:
        result = {}
        memo[key] = result
        for k, v in obj.items():
            result[_deepcopy(k, memo)] = _deepcopy(v, memo)
    elif type(obj) is tuple:
        result = tuple(_deepcopy(v, memo) for v in obj)
    elif type(obj) in (set, frozenset):
        result = type(obj)(_deepcopy(v, memo) for v in obj)
    elif hasattr(obj, '__dict__') and not isinstance(obj, type):
        cls = type(obj)
        result = cls.__new__(cls)
        memo[key] = result
        for k, v in obj.__dict__.items():
            object.__setattr__(result, k, _deepcopy(v, memo))
    else:
        result = obj
    memo[key] = result
    return result


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a new dict (recursively into
    dataclasses, lists, tuples and dicts)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _deepcopy(obj, {})


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a new tuple (recursively
    into dataclasses, lists, tuples and dicts)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _deepcopy(obj, {})


_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield'])


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """A new dataclass named cls_name; fields is an iterable of name,
    (name, type) or (name, type, Field)."""
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in _KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp
    ns = {'__module__': 'types'}
    ns.update(namespace)
    ns.update(defaults)
    ns['__annotations__'] = annotations
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance of obj's dataclass with the fields in changes
    replaced (the others copied from obj)."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
