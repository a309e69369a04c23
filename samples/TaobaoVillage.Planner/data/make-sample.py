#!/usr/bin/env python3
"""Builds sample-villages.csv, the planner's bundled sample: real names and codes, synthetic figures.

Villages that AliResearch listed as Taobao Villages in 2016 (taobao-villages-2014-2016.csv, from xrwang/taobao-villages)
in four well-known counties, matched by name to the NBS 2016 statistical codes (nbs-2016-village-codes.csv.gz, from
Vonng/adcode, CC BY 4.0), plus their non-listed neighbours in the same townships. The e-commerce figures are invented
(seeded), plausible, not real. Run from this folder: python3 make-sample.py ../../../../shared/data
"""
import csv, gzip, random, sys, os
data = sys.argv[1] if len(sys.argv) > 1 else '../../../../shared/data'
rng = random.Random(2016)
counties = {('浙江省', '义乌市'), ('江苏省', '睢宁县'), ('河北省', '清河县'), ('山东省', '曹县')}
listed = set()
with open(os.path.join(data, 'taobao-villages-2014-2016.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if r['year'] == '2016' and (r['province'], r['county']) in counties:
            listed.add((r['county'], r['township'], r['village']))
towns = {(c, t) for c, t, _ in listed}
rows = []
with gzip.open(os.path.join(data, 'nbs-2016-village-codes.csv.gz'), 'rt', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if (r['county'], r['township']) not in towns:
            continue
        name = r['village_name']
        committee = 'residents' if name.endswith(('居委会', '居民委员会')) else 'village'
        short = (name[:-5] if name.endswith('居民委员会') else name[:-4] if name.endswith('村民委员会')
                 else name[:-3] if name.endswith('居委会') else name[:-2] if name.endswith('委会') else name)
        rows.append((r, short, committee, (r['county'], r['township'], short) in listed))
rows.sort(key=lambda x: x[0]['village_code'])
# Keep every listed village and about a third of the neighbours, so the sample stays a few hundred rows.
rows = [x for x in rows if x[3] or rng.random() < 0.3]
out = []
for r, short, committee, is_listed in rows:
    h = max(80, int(rng.gauss(420, 140)))
    if is_listed:
        shops = rng.randint(60, 650)
        sales = rng.choice([rng.randint(9_000_000, 15_000_000), rng.randint(12_000_000, 90_000_000)])
        engaged = min(h, int(shops * rng.uniform(0.5, 0.9)))
        platform = rng.choice(['taobao'] * 6 + ['tmall', '1688', 'pinduoduo'])
    else:
        shops = rng.randint(0, 60)
        sales = rng.randint(0, 6_000_000)
        engaged = min(h, int(shops * rng.uniform(0.5, 0.9)))
        platform = rng.choice(['taobao', 'jd', 'pinduoduo', 'douyin', 'other', ''])
    sales_text = f'{sales}.{rng.randint(0, 99):02d}' if rng.random() < 0.3 else str(sales)
    rec = dict(village_code=r['village_code'], village_name=short, province=r['province'], city=r['city'], county=r['county'],
               township=r['township'], year='2016', committee=committee, households=str(h), ecommerce_households=str(engaged),
               active_shops=str(shops), annual_sales_cny=sales_text, main_platform=platform)
    # A little missing data, as real returns have.
    if rng.random() < 0.04:
        rec[rng.choice(['active_shops', 'annual_sales_cny', 'households'])] = ''
    out.append(rec)
# Boundary rows on real codes, so the published thresholds show at work.
b = [x for x in out if x['committee'] == 'village'][:6]
b[0].update(annual_sales_cny='10000000.00', active_shops='100')
b[1].update(annual_sales_cny='9999999.99', active_shops='250')
b[2].update(annual_sales_cny='12000000', active_shops='40', households='400', ecommerce_households='40')
b[3].update(annual_sales_cny='12000000', active_shops='39', households='400', ecommerce_households='39')
# Broken rows, as a planner's spreadsheet will have: each must come out rejected with its reason.
b[4].update(households='0')
b[5].update(annual_sales_cny='about 12 million')
fields = list(out[0].keys())
with open('sample-villages.csv', 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, fieldnames=fields, lineterminator='\n')
    w.writeheader()
    w.writerows(out)
print(len(out), 'rows;', sum(1 for x in rows if x[3]), 'listed in 2016')
