print("syncdeck")
