import sys,collections,importlib
sys.path.insert(0,'/work/evalsets-test3/private/gen')
from common import *
for name in sys.argv[1:]:
    m=importlib.import_module('q'+name)
    items=parse(m.L,m.T,m.C)
    print(name,len(items),dict(collections.Counter(i['kind'] for i in items)),'handoff',sum(i['expected']=='handoff' for i in items))
    dump(items,f'/work/evalsets-test3/private/questions-{name}-test3.jsonl')
