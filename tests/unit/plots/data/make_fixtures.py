# Generates the plot test fixtures (a fictional 4-actor crisis): python3 make_fixtures.py. Output follows docs/outputs.md.
import json, math, os, random, datetime, csv, io
random.seed(7)
base = os.path.dirname(os.path.abspath(__file__))
START = datetime.date(2030, 3, 1)
def date(t): return (START + datetime.timedelta(days=math.floor(t))).isoformat()
def num(x):
    if isinstance(x, int): return str(x)
    r = repr(float(x))
    if r.endswith(".0"): r = r[:-2]
    return r
def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows: w.writerow([num(v) if isinstance(v,(int,float)) and not isinstance(v,bool) else v for v in r])
actors = [("borduria","Borduria","state"),("syldavia","Syldavia","state"),("arcadia","Arcadian League","alliance"),("carpathia","Carpathia","state")]
aid = [a[0] for a in actors]
issues = [{"id":"corridor","name":"Rail corridor to the coast","low":"corridor open to all","high":"corridor closed to Syldavia"},
          {"id":"basing","name":"Foreign naval basing","low":"no foreign fleet","high":"permanent League base"}]
ladder_names = ["Normal relations","Diplomatic protest","Verbal threat","Formal warning","Sanctions","Show of force","Mobilisation","Blockade","Limited military action","War"]
ladder = [{"index":i,"id":n.lower().replace(" ","_"),"name":n,"threshold":float(i)} for i,n in enumerate(ladder_names)]
# rung step functions: list of (time, rung)
rungs = {"borduria":[(0,1),(3.5,2),(12.25,4),(30,6),(38.5,8),(41.3,9)],
         "syldavia":[(0,1),(5,3),(14,4),(31.75,6),(41.3,9)],
         "arcadia":[(0,0),(6,1),(20,3),(33,5)],
         "carpathia":[(0,0),(9,2),(35,2)]}
def rung_at(a,t):
    v=0
    for tt,r in rungs[a]:
        if tt<=t: v=r
    return v
events = []  # time, type, source, target, issue, value, cameo, goldstein, key, description
E=lambda *a: events.append(list(a))
E(-12.0,"statement","borduria","syldavia","", "", "012", -0.4, 0, "Borduria criticises Syldavian customs checks")
E(-6.5,"demand","borduria","syldavia","corridor",1.0,"1011",-5.0,1,"Borduria demands closure of the rail corridor")
E(-2.0,"reject","syldavia","borduria","corridor","", "1211",-4.0,0,"Syldavia rejects the corridor demand")
E(0.0,"meeting","borduria","syldavia","", "", "036", 4.0,1,"Foreign ministers meet in Klow, agree to \"keep talking\"")
E(0.0,"talks_partial","borduria","syldavia","corridor","", "0311",3.0,0,"Agree to keep talking")
E(2.0,"support","arcadia","syldavia","", "", "051",3.5,0,"League declares support for Syldavia")
E(3.5,"rung_crossing","borduria","syldavia","", "", "130",-4.4,0,"Borduria crosses to Verbal threat")
E(5.0,"threat","syldavia","borduria","", "", "138",-7.0,0,"Syldavia warns of consequences")
E(8.0,"request_support","borduria","carpathia","", "", "021",3.4,1,"Borduria asks Carpathia for backing")
E(9.0,"support","carpathia","borduria","", "", "051",3.5,0,"Carpathia backs Borduria")
E(10.0,"threat","borduria","arcadia","", "", "1312",-5.8,1,"Borduria warns the League off")
E(12.25,"sanction","borduria","syldavia","", "", "163",-8.0,1,"Borduria halts gas deliveries to Syldavia")
E(14.0,"sanction","syldavia","borduria","", "", "163",-8.0,0,"Syldavia freezes Bordurian assets")
E(16.0,"meeting","arcadia","borduria","", "", "036",4.0,0,"League envoy meets Bordurian leader")
E(17.0,"talks_failed","arcadia","borduria","corridor","", "125",-5.0,0,"Talks on the corridor fail")
E(20.0,"mobilisation","arcadia","borduria","", "", "152",-7.2,0,"League raises alert level")
E(22.0,"bdm_round","","","corridor","", "", 0.0,0,"Positions updated")
E(25.0,"concession","syldavia","borduria","corridor",0.45,"0831",5.0,1,"Syldavia offers shared corridor control")
E(27.0,"reject","borduria","syldavia","corridor","", "1211",-4.0,0,"Borduria rejects the offer")
E(30.0,"mobilisation","borduria","syldavia","", "", "152",-7.2,1,"Borduria mobilises its western army")
E(31.75,"mobilisation","syldavia","borduria","", "", "152",-7.2,0,"Syldavia mobilises reserves")
E(33.0,"mobilisation","arcadia","borduria","", "", "152",-7.2,0,"League moves ships to the gulf")
E(35.0,"statement","carpathia","borduria","", "", "010",0.0,0,"Carpathia urges restraint")
E(38.5,"escalate","borduria","syldavia","", "", "190",-10.0,0,"Border clashes near the corridor")
E(41.3,"war","borduria","syldavia","", "", "190",-10.0,1,"Borduria invades Syldavia")
rows=[]
for seq,e in enumerate(events):
    t,typ,s,tg,iss,val,cam,gs,key,desc=e
    rows.append([t,date(t),seq,typ,s,tg,iss,val,cam,gs,key,desc])
os.makedirs(base+"/single",exist_ok=True)
write_csv(base+"/single/events.csv","time,date,seq,type,source,target,issue,value,cameo,goldstein,key,description".split(","),rows)
# positions: linear drift
pos0={"borduria":{"corridor":1.0,"basing":0.1},"syldavia":{"corridor":0.0,"basing":0.8},"arcadia":{"corridor":0.1,"basing":1.0},"carpathia":{"corridor":0.8}}
pos1={"borduria":{"corridor":1.0,"basing":0.2},"syldavia":{"corridor":0.45,"basing":0.7},"arcadia":{"corridor":0.3,"basing":0.9},"carpathia":{"corridor":0.7}}
T_END=41.3
times=sorted(set([float(x) for x in range(0,41,5)]+[e[0] for e in events if e[0]>=0]))
traj=[]
for t in times:
    f=t/T_END
    for a in aid:
        r=rung_at(a,t)
        ms={"rung":r,"pressure":round(r+0.3+0.4*math.sin(t/7+len(a)),3),"expected_support":round(0.3+0.2*f,3),"p_prevail":round(0.5+0.1*math.cos(t/9),3)}
        for iss in ("corridor","basing"):
            if iss in pos0[a]:
                ms["position:"+iss]=round(pos0[a][iss]+(pos1[a][iss]-pos0[a][iss])*f,4)
        for m in sorted(ms):
            traj.append([t,date(t),a,m,ms[m]])
write_csv(base+"/single/trajectory.csv","time,date,actor,metric,value".split(","),traj)
dy={}
for e in events:
    t,typ,s,tg,iss,val,cam,gs,key,desc=e
    if s and tg:
        k=(math.floor(t),s,tg); v=dy.get(k,[0.0,0]); v[0]+=gs; v[1]+=1; dy[k]=v
write_csv(base+"/single/dyads.csv","day,date,source,target,goldstein_sum,events".split(","),[[k[0],date(k[0]),k[1],k[2],round(v[0],6),v[1]] for k,v in sorted(dy.items())])
aff_s=[[1,-0.6,-0.5,0.7],[-0.6,1,0.8,-0.3],[-0.5,0.8,1,-0.2],[0.7,-0.3,-0.2,1]]
aff_e=[[1,-0.95,-0.8,0.75],[-0.95,1,0.9,-0.45],[-0.8,0.9,1,-0.35],[0.75,-0.45,-0.35,1]]
counts={}
for e in events: counts[e[1]]=counts.get(e[1],0)+1
summary={"brink_version":"0.1.0","command":"brink run tests/unit/plots/data/gulf.yaml --seed 17 --out single",
 "scenario":{"name":"Gulf corridor crisis (fictional)","path":"tests/unit/plots/data/gulf.yaml","start_date":"2030-03-01","horizon_days":60},
 "seed":17,
 "outcome":{"kind":"war","time":41.3,"date":date(41.3),"initiator":"borduria","target":"syldavia","description":"Borduria invades Syldavia after talks on the corridor fail"},
 "peak_rung":{"index":9,"name":"War","actor":"borduria","time":41.3},
 "final_positions":{a:pos1[a] for a in aid},
 "event_counts":dict(sorted(counts.items())),
 "actors":[{"id":a,"name":n,"kind":k} for a,n,k in actors],
 "issues":issues,"ladder":ladder,
 "demands":[{"id":"close_corridor","challenger":"borduria","targets":["syldavia"],"issue":"corridor","value":1.0},
            {"id":"no_base","challenger":"borduria","targets":["syldavia","arcadia"],"issue":"basing","value":0.0}],
 "affinity":{"actors":aid,"start":aff_s,"end":aff_e},
 "key_events":[{"time":e[0],"date":date(e[0]),"type":e[1],"description":e[9]} for e in events if e[8]==1],
 "engine_events":812}
json.dump(summary,open(base+"/single/summary.json","w"),indent=2); open(base+"/single/summary.json","a").write("\n")
# ---- ensemble
os.makedirs(base+"/ensemble",exist_ok=True)
N=40; runs=[]; outc={"war":0,"settlement":0,"capitulation":0,"standoff":0}
for r in range(N):
    u=random.random()
    if u<0.55: k="war"; t=round(random.uniform(18,58),2)
    elif u<0.75: k="settlement"; t=round(random.uniform(10,50),2)
    elif u<0.85: k="capitulation"; t=round(random.uniform(20,55),2)
    else: k="standoff"; t=60
    outc[k]+=1
    ini,tg=("borduria","syldavia") if k in("war","capitulation") else ("","")
    if k=="capitulation": ini,tg="syldavia","borduria"
    peak=9 if k=="war" else random.randint(3,7)
    row=[r, 1000003*r+17, k, t, date(t), ini, tg, peak]
    for a in aid:
        for iss in ("corridor","basing"):
            row.append(round(random.random(),3) if iss in pos0[a] else "")
    runs.append(row)
hdr="run,seed,outcome,time,date,initiator,target,peak_rung".split(",")+["position:%s:%s"%(a,i) for a in aid for i in ("corridor","basing")]
write_csv(base+"/ensemble/runs.csv",hdr,runs)
q=[]
for d in range(0,61):
    for a in aid:
        base_r=rung_at(a,d)
        ms={"rung":(max(0,base_r-2),base_r,min(9,base_r+2+(1 if d>30 else 0))),
            "pressure":(round(max(0,base_r-1.6),3),round(base_r+0.2,3),round(base_r+1.9,3))}
        for iss in ("corridor","basing"):
            if iss in pos0[a]:
                m=pos0[a][iss]+(pos1[a][iss]-pos0[a][iss])*min(1,d/41.3)
                ms["position:"+iss]=(round(max(0,m-0.15*d/60),4),round(m,4),round(min(1,m+0.15*d/60),4))
        for m in sorted(ms):
            q.append([d,date(d),a,m]+list(ms[m]))
write_csv(base+"/ensemble/quantiles.csv","day,date,actor,metric,q10,q50,q90".split(","),q)
n=N; w=outc["war"]; z=1.959963984540054; p=w/n
den=1+z*z/n; c=(p+z*z/(2*n))/den; h=z*math.sqrt(p*(1-p)/n+z*z/(4*n*n))/den
es=dict(summary); es.pop("outcome"); es["command"]="brink run tests/unit/plots/data/gulf.yaml --runs 40 --seed 17 --out ensemble"
es["runs"]=N; es["outcomes"]=outc; es["p_war"]={"estimate":p,"lo":round(c-h,6),"hi":round(c+h,6)}
wc={}
for row in runs:
    if row[2]=="war": wc[(row[5],row[6])]=wc.get((row[5],row[6]),0)+1
es["wars"]=[{"initiator":i,"target":t,"runs":n} for (i,t),n in sorted(wc.items(),key=lambda kv:(-kv[1],kv[0]))]
es["peak_rung"]={"index":9,"name":"War","actor":"borduria","time":18.4}
es.pop("final_positions"); es.pop("key_events"); es.pop("engine_events"); es.pop("event_counts")
json.dump(es,open(base+"/ensemble/summary.json","w"),indent=2); open(base+"/ensemble/summary.json","a").write("\n")
print(outc)
# ---- ensemble bands.csv: rung quantiles per day over the war runs and over the other runs, each run until
# the day it ended, from the runs above (no random draws).
bands=[]
for d in range(0,61):
    for group in ("war","no_war"):
        members=[row for row in runs if (row[2]=="war")==(group=="war") and d<=math.ceil(row[3])]
        if not members: continue
        for a in aid:
            base_r=rung_at(a,d)
            if group=="war":
                at_war=sum(1 for row in members if row[3]<=d)
                lo=max(0,base_r-1); mid=9 if a=="borduria" and 2*at_war>=len(members) else base_r; hi=9 if a=="borduria" and 10*at_war>=len(members) else min(9,base_r+2)
            else:
                lo=max(0,base_r-3); mid=max(0,base_r-1); hi=min(8,base_r+1)
            bands.append([d,date(d),group,a,len(members),lo,mid,hi])
write_csv(base+"/ensemble/bands.csv","day,date,outcome,actor,runs,q10,q50,q90".split(","),bands)
