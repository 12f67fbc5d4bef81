// typst-seed.js ARTICLE.json OUT.pdf FONTDIR: sets an article (diglot parse
// --json) as a two-column Typst document, Chinese left, English right, with
// the same fonts, paper and sizes as diglot's PDF, and compiles it with
// @myriaddreamin/typst-ts-node-compiler. Used by compare.sh only.
const fs = require("fs");
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const [json, out, fontDir] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(json, "utf8"));
const esc = (s) => s.replace(/[\\#*_`$<>@\[\]~"\/=+-]/g, (c) => "\\" + c);
const cells = [];
for (const p of doc.pairs) {
  const zh = (p.zh || []).map(esc).join("\n\n");
  const en = (p.en || []).map(esc).join("\n\n");
  cells.push(`[${zh}]`, `[${en}]`);
}
const src = `#set page(paper: "a4", margin: (x: 48pt, top: 56pt, bottom: 50pt))
#set text(font: ("Source Serif 4", "Noto Serif SC"), size: 10pt)
#set par(justify: true)
#align(center, text(size: 14pt, weight: "bold")[${esc(doc.title)}])
#grid(columns: (1fr, 1fr), column-gutter: 16pt, row-gutter: 7pt,
${cells.join(",\n")})
`;
const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [fontDir] }] });
fs.writeFileSync(out, compiler.pdf({ mainFileContent: src }));
