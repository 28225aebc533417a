print("console-bench")
