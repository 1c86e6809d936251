# Composition over inheritance: a car has an engine and wheels.

class Engine:
    def __init__(self, horsepower):
        self.horsepower = horsepower
        self.running = False

    def start(self):
        if self.running:
            return "engine already running"
        self.running = True
        return f"engine ({self.horsepower} hp) started"

    def stop(self):
        self.running = False
        return "engine stopped"


class Wheel:
    def __init__(self, position, pressure=2.2):
        self.position = position
        self.pressure = pressure

    def __repr__(self):
        return f"Wheel({self.position}, {self.pressure})"


class Car:
    def __init__(self, model, horsepower):
        self.model = model
        self.engine = Engine(horsepower)
        self.wheels = [Wheel(p) for p in ("FL", "FR", "RL", "RR")]
        self.odometer = 0

    def drive(self, km):
        if not self.engine.running:
            raise RuntimeError(f"{self.model}: start the engine first")
        self.odometer += km
        for wheel in self.wheels:
            wheel.pressure = round(wheel.pressure - 0.01 * km / 100, 3)
        return self.odometer

    def low_tyres(self, limit=2.1):
        return [w.position for w in self.wheels if w.pressure < limit]


car = Car("Model T", 20)
try:
    car.drive(10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(car.engine.start())
print(car.engine.start())
for trip in (250, 400, 600):
    print("odometer:", car.drive(trip))
print(car.wheels)
print("low:", car.low_tyres())
car.wheels[0].pressure = 2.5
print("low after pumping FL:", car.low_tyres())
print(car.engine.stop(), car.engine.running)
print(isinstance(car.engine, Engine), hasattr(car, "start"))
