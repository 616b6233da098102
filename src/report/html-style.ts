// The HTML report's only stylesheet, inlined. System fonts, light and dark, no images.

export const PAGE_STYLE = `
:root{--fg:#1d2330;--muted:#667085;--line:#e4e7ec;--bg:#fff;--soft:#f6f7f9;--good:#1a7f37;--bad:#c62828;--warn:#9a6700;--s0:#2f6fde;--s1:#e07b00}
@media (prefers-color-scheme:dark){:root{--fg:#e6e8ec;--muted:#98a2b3;--line:#2f3542;--bg:#14171c;--soft:#1c2027;--good:#4cc26b;--bad:#ff6b6b;--warn:#e3b341}}
*{box-sizing:border-box}body{margin:0 auto;max-width:1100px;padding:24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:22px;margin:0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.banner{color:var(--warn);font-weight:600;margin:4px 0}.meta,small{color:var(--muted)}.cut{color:var(--warn);font-style:italic;margin:4px 0}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted)}tr.group th{color:var(--fg);background:var(--soft)}
.pass,.better{color:var(--good)}.fail,.worse{color:var(--bad);font-weight:600}.noise td:last-child,.untestable td:last-child{color:var(--muted)}
a{color:inherit}
.axis{display:grid;grid-template-columns:110px 1fr;gap:8px;align-items:center;margin:6px 0}.label{color:var(--muted)}
.bar{display:grid;grid-template-columns:minmax(120px,1fr) 230px;gap:8px;align-items:center;margin:2px 0}
.track{position:relative;height:12px;background:var(--soft);border:1px solid var(--line);border-radius:3px;overflow:hidden}
.fill{position:absolute;left:0;top:0;bottom:0;opacity:.55}.ci{position:absolute;top:4px;height:2px;background:var(--fg)}
.s0 .fill,.key.s0::before{background:var(--s0)}.s1 .fill,.key.s1::before{background:var(--s1)}
.key::before{content:"";display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
.num{font-variant-numeric:tabular-nums}
details{margin:4px 0}summary{cursor:pointer}details.cell{border:1px solid var(--line);border-radius:6px;padding:6px 10px;margin:8px 0}
details.cell>summary{font-weight:600}details details{margin-left:4px}
pre{background:var(--soft);padding:8px;overflow:auto;max-height:480px;white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;margin:4px 0}
.diff .add{color:var(--good)}.diff .del{color:var(--bad)}.diff .hunk{color:var(--s0)}.diff .file{font-weight:700}
ul.why{margin:6px 0;padding-left:18px}li.bad b{color:var(--bad)}li.warn b{color:var(--warn)}
.msg .role{display:inline-block;font-size:11px;text-transform:uppercase;color:var(--muted);margin-top:6px}
`;
