"""cuckoo's shape: two applications in one package. The API app guards every route with an
app-wide hook; the distributed app registers blueprints its views package loads with
`__import__` in a loop, so no import reaches them and either app may be theirs. The API app's
hook does not authenticate them (it would only if every app they may belong to were the
hook's), so no id finding rests on it; nor are they reported as open, since the hook may cover
them."""
