# Timer: a thread that runs a function after a delay, unless cancelled
# first. Here a reminder fires after 0.1 s and an alarm is cancelled.
import threading
import time

log = []

def remind(what):
    log.append(what)
    print("timer fired:", what)

reminder = threading.Timer(0.1, remind, args=("drink water",))
alarm = threading.Timer(0.2, remind, args=("alarm",))
reminder.start()
alarm.start()
time.sleep(0.05)
print("after 0.05 s:", log)
alarm.cancel()
print("alarm cancelled")
reminder.join()
alarm.join()
print("at the end:", log)
