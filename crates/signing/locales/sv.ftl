nav-signing = Signeringsbok
