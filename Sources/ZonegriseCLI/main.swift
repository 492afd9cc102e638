print("zonegrise")
