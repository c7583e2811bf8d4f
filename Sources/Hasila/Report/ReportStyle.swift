/// The report page's style sheet (the colour classes of the categories are added after it).
/// System fonts only: a font file would have to be embedded or fetched, and the fonts every
/// laptop has shape Arabic.
enum ReportStyle {
    static let css = """
        :root{--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de;--paper:#fff;--tint:#f6f6f8}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,"Segoe UI","Noto Sans","Noto Sans Arabic","DejaVu Sans",Arial,sans-serif;color:var(--ink);background:var(--paper)}
        header.top{display:flex;align-items:baseline;gap:24px;padding:10px 24px;border-bottom:1px solid var(--rule);background:var(--tint);position:sticky;top:0;z-index:2}
        header.top h1{font-size:20px;margin:0}
        main{max-width:1200px;margin:0 auto;padding:0 24px 48px}
        h2{font-size:22px;margin:28px 0 8px;border-bottom:2px solid var(--ink)}
        h3{font-size:17px;margin:24px 0 6px}
        a{color:#0b57d0}
        .note{color:var(--muted);max-width:900px}
        dl.totals{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
        dl.totals div{border:1px solid var(--rule);border-radius:6px;padding:8px 14px;min-width:150px;background:var(--tint)}
        dl.totals dt{color:var(--muted);font-size:13px}
        dl.totals dd{margin:0;font-size:24px;font-weight:600}
        dl.totals small{display:block;font-size:12px;font-weight:400;color:var(--muted)}
        figure{margin:8px 0;overflow-x:auto}
        .pair{display:flex;flex-wrap:wrap;gap:8px 32px;align-items:flex-start}
        svg.chart{font:12px system-ui,"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif;background:#fff}
        svg.chart .grid{stroke:#e6e6ea}
        svg.chart .axis{stroke:#333}
        svg.chart .tick,svg.chart .value{fill:#444}
        svg.chart .label{fill:#222}
        svg.chart .label.main{font-weight:700}
        svg.chart .axis-title{fill:#222;font-weight:600}
        svg.chart .legend{fill:#222}
        table{border-collapse:collapse;margin:8px 0;font-size:14px}
        th,td{border-bottom:1px solid var(--rule);padding:3px 10px;text-align:start;vertical-align:top}
        table.numbers td+td,table.numbers th+th{text-align:end}
        tr.main td{font-weight:600}
        tr.total td{border-top:2px solid var(--ink);font-weight:600}
        ul.names{columns:3;max-width:900px}
        .controls{display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center;padding:8px 12px;background:var(--tint);border:1px solid var(--rule);border-radius:6px;position:sticky;top:46px;z-index:1}
        .controls p.legend{flex-basis:100%;margin:0;font-size:13px}
        .swatch{display:inline-block;width:14px;height:14px;border:2px solid #999;border-radius:3px;vertical-align:-2px;margin:0 3px 0 8px}
        .swatch.cnull{background:#e4e4e4;border:2px dashed #7a7a7a}
        .swatch.date{background:#fff6bf;border:2px dotted #8a6d00}
        .swatch.flag{background:#fff;border:2px solid #b00020}
        .pager{display:flex;gap:10px;align-items:center;margin:10px 0}
        .review-body{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:20px;align-items:start}
        #hasila-panel{position:sticky;top:150px;border:1px solid var(--rule);border-radius:6px;padding:10px 12px;background:var(--tint);font-size:14px;max-height:calc(100vh - 170px);overflow:auto}
        #hasila-panel dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0}
        #hasila-panel dt{color:var(--muted)}
        #hasila-panel dd{margin:0;overflow-wrap:anywhere}
        #hasila-panel .hint{color:var(--muted)}
        article.doc,mark,.flagged{scroll-margin-top:170px}
        article.doc{border:1px solid var(--rule);border-radius:6px;padding:6px 16px 12px;margin:12px 0;content-visibility:auto;contain-intrinsic-size:auto 600px}
        article.doc h3{margin:6px 0 0;font-size:16px}
        article.doc .counts{margin:0;color:var(--muted);font-size:13px}
        .text{white-space:pre-wrap;font-size:18px;line-height:2.1;overflow-wrap:anywhere}
        .text[dir=rtl]{font-family:"Noto Naskh Arabic","Noto Sans Arabic","Amiri","Scheherazade New","DejaVu Sans",system-ui,sans-serif}
        mark{color:inherit;border-radius:3px;padding:1px 1px;border-bottom:3px solid transparent;cursor:pointer}
        mark.cnull{background:#e4e4e4;border-bottom:3px dashed #7a7a7a}
        mark.date{background:#fff6bf;border-bottom:2px dotted #8a6d00}
        mark.fig mark.date,mark.date mark.fig{padding:0}
        body.no-dates mark.date{background:none;border-bottom-color:transparent}
        mark.dim{background:none!important;border-bottom:1px solid #ccc!important;opacity:.75}
        mark.current,.flagged.current{outline:3px solid #0b57d0;outline-offset:2px;box-shadow:0 0 0 7px rgba(11,87,208,.25)}
                mark:focus{outline:3px solid #0b57d0}
        ul.flags{margin:6px 0;padding:6px 10px 6px 24px;border:1px solid #b00020;border-radius:4px;background:#fff5f5;font-size:14px}
        ul.flags .flagged{font-weight:600}
        ul.flags small{color:var(--muted)}
        p.missing{color:#b00020}
        code{font-size:13px}

        """
}
