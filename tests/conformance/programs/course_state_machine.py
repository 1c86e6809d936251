# Course notes: a traffic light and a turnstile as table-driven state machines.

class StateMachine:
    def __init__(self, name, initial, transitions):
        self.name = name
        self.state = initial
        self.transitions = transitions
        self.history = [initial]

    def fire(self, event):
        key = (self.state, event)
        if key not in self.transitions:
            raise ValueError(f"{self.name}: no transition from {self.state!r} on {event!r}")
        new_state, action = self.transitions[key]
        if action:
            print(f"  [{self.name}] {action}")
        self.state = new_state
        self.history.append(new_state)
        return new_state


turnstile = StateMachine("turnstile", "locked", {
    ("locked", "coin"): ("unlocked", "unlock the arm"),
    ("locked", "push"): ("locked", "refuse entry"),
    ("unlocked", "push"): ("locked", "let one person through"),
    ("unlocked", "coin"): ("unlocked", "return the coin"),
})
for event in ["push", "coin", "coin", "push", "push", "kick"]:
    try:
        print(f"{event:>5} -> {turnstile.fire(event)}")
    except ValueError as e:
        print("error:", e)
print(turnstile.history)

light = StateMachine("light", "red", {
    ("red", "tick"): ("green", None),
    ("green", "tick"): ("yellow", None),
    ("yellow", "tick"): ("red", None),
    ("green", "emergency"): ("red", "switch straight to red"),
    ("yellow", "emergency"): ("red", "switch straight to red"),
    ("red", "emergency"): ("red", None),
})
events = ["tick", "tick", "tick", "tick", "emergency", "tick", "emergency"]
print(" -> ".join([light.state] + [light.fire(e) for e in events]))
counts = {}
for s in light.history:
    counts[s] = counts.get(s, 0) + 1
print(counts)
