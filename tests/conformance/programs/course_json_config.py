# Course notes: load a JSON config, validate it, apply defaults, and write it back.
import json

DEFAULTS = {"workers": 4, "timeout": 30.0, "retries": 3, "log": {"level": "INFO", "file": None}}
SCHEMA = {"workers": int, "timeout": (int, float), "retries": int, "name": str}

raw = '''
{
  "name": "crawler",
  "workers": 8,
  "timeout": 12.5,
  "log": {"level": "DEBUG"},
  "hosts": ["a.example", "b.example"]
}
'''


class ConfigError(ValueError):
    pass


def merge(defaults, overrides):
    result = dict(defaults)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def validate(config):
    problems = []
    for key, expected in SCHEMA.items():
        if key not in config:
            problems.append(f"missing {key!r}")
        elif not isinstance(config[key], expected) or isinstance(config[key], bool):
            problems.append(f"{key!r} has type {type(config[key]).__name__}")
    if isinstance(config.get("workers"), int) and config["workers"] < 1:
        problems.append("'workers' must be at least 1")
    if problems:
        raise ConfigError("; ".join(problems))
    return config


config = validate(merge(DEFAULTS, json.loads(raw)))
print(json.dumps(config, indent=2, sort_keys=True))
print(config["log"], config["hosts"][-1], config["timeout"] * config["workers"])
saved = json.dumps(config, sort_keys=True)
print(json.loads(saved) == config, len(saved))
for bad in ['{"workers": "8"}', '{"name": "x", "workers": 0}', '{"name": 5, "retries": true}', '{"name": "x",}']:
    try:
        validate(merge(DEFAULTS, json.loads(bad)))
    except ConfigError as e:
        print("ConfigError:", e)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
