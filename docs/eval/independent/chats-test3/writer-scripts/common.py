import json,random,re
def parse(L,T,C):
    out=[]
    for ln in L.strip().split('\n'):
        k,c,e,q=ln.split('|',3)
        out.append(dict(question=q.strip(),city=C.get(c,c),expected=T[e],kind=k))
    return out
def split(items,seed):
    rnd=random.Random(seed); groups={}
    for it in items: groups.setdefault((it['kind'],it['expected']=='handoff'),[]).append(it)
    a=[];b=[];flip=0
    for key in sorted(groups):
        g=groups[key][:]; rnd.shuffle(g); n=len(g)//2
        if len(g)%2: n+= flip; flip^=1
        a+=g[:n]; b+=g[n:]
    rnd.shuffle(a); rnd.shuffle(b); return a,b
def dump(items,path):
    with open(path,'w',encoding='utf-8') as f:
        for it in items: f.write(json.dumps(it,ensure_ascii=False)+'\n')
