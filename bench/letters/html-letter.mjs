// The same letter as packages/letters draws, as HTML for a browser to print: the route a team
// would take with headless Chromium. Same text, same font (BIZ UDPGothic from the same package),
// same two A4 pages, a QR code as SVG on each. Keep it in step with inquiry-letter.ts: the bench
// prints both texts' lengths.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { formatJapaneseDate, PIN, PIN_FORMAT } = require('../../packages/domain/dist/index.js');
const QRCode = require('qrcode');

const fontDir = path.dirname(require.resolve('@expo-google-fonts/biz-udpgothic/package.json'));
const fallbackDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
/** The font files, served to the browser once and then taken from its cache. */
export const FONT_FILES = {
  '/fonts/regular.ttf': readFileSync(path.join(fontDir, '400Regular/BIZUDPGothic_400Regular.ttf')),
  '/fonts/bold.ttf': readFileSync(path.join(fontDir, '700Bold/BIZUDPGothic_700Bold.ttf')),
  // The template's fallback face, for what BIZ UDPGothic lacks (𠮷 and other rare kanji): named as the template
  // has it, so Chromium does not search the system's fonts for them page after page.
  '/fonts/fallback.ttf': readFileSync(path.join(fallbackDir, '400Regular/NotoSansJP_400Regular.ttf')),
};
const fontCss = (origin) => `
@font-face { font-family: 'BIZ UDPGothic'; font-weight: 400; src: url(${origin}/fonts/regular.ttf); }
@font-face { font-family: 'BIZ UDPGothic'; font-weight: 700; src: url(${origin}/fonts/bold.ttf); }
@font-face { font-family: 'Noto Sans JP'; src: url(${origin}/fonts/fallback.ttf); }`;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export async function htmlLetter(d, fontOrigin) {
  const qr = await QRCode.toString(`${d.inquiryNumber} ${d.checkCode}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  const deadline = formatJapaneseDate(d.replyDeadline);
  const pins = d.pins.map((p) => PIN.labels[p]).join('、');
  const boxes = d.pins
    .map(
      (p) =>
        `<div class="pin"><b>${esc(PIN.labels[p])}</b><div class="tiny">${esc(PIN_FORMAT[p].description.ja)}</div><div class="boxes">${'<span></span>'.repeat(p === 'signature' ? 16 : 4)}</div></div>`,
    )
    .join('');
  const counter = d.replyCounter;
  const step = (n, html) => `<li value="${n}">${html}</li>`;
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${fontCss(fontOrigin)}
@page { size: A4; margin: 20mm; }
body { font-family: 'BIZ UDPGothic', 'Noto Sans JP'; font-size: 12.5pt; margin: 0; }
.page { page-break-after: always; position: relative; height: 257mm; }
.window { position: absolute; left: 3mm; top: -6mm; width: 90mm; font-size: 12pt; }
.window .name { font-size: 15pt; margin-top: 2mm; }
.right { position: absolute; left: 105mm; top: -6mm; width: 65mm; font-size: 11pt; }
.right .issuer { text-align: right; }
.right svg { width: 20mm; height: 20mm; margin: 2mm 0; }
.body { position: absolute; top: 80mm; font-size: 11.5pt; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 18pt; text-align: center; margin: 0; }
.indent { margin-left: 6mm; } .small { font-size: 11pt; } .tiny { font-size: 10pt; }
ol { padding-left: 6mm; margin: 2mm 0; } li { margin: 1mm 0; }
.boxes span { display: inline-block; width: 8mm; height: 8mm; border: 0.8pt solid #000; margin-right: -0.8pt; }
.pin { margin: 3mm 0; } .check { display: inline-block; width: 4mm; height: 4mm; border: 0.8pt solid #000; margin-right: 2mm; }
.blank { display: inline-block; width: 90mm; border-bottom: 0.6pt solid #000; }
.qr2 { position: absolute; right: 0; top: -4mm; } .qr2 svg { width: 18mm; height: 18mm; }
</style></head><body>
<div class="page">
 <div class="window"><b class="tiny">転送不要</b><div>〒${esc(d.holder.postalCode)}</div><div>${esc(d.holder.address)}</div><div class="name">${esc(d.holder.name)} 様</div></div>
 <div class="right"><div class="issuer">${d.documentNumber ? `<div>${esc(d.documentNumber)}</div>` : ''}<div>${formatJapaneseDate(d.issuedOn)}</div><div>${esc(d.issuer)}</div><div class="tiny">（公印省略）</div></div>
  <b>照会番号 ${esc(d.inquiryNumber)}</b><br><b>確認コード ${esc(d.checkCode)}</b><br>${qr}
  <div class="tiny">問い合わせ先　${esc(d.sender.office)}</div><div class="tiny">〒${esc(d.sender.postalCode)} ${esc(d.sender.address)}</div><div class="tiny">電話 ${esc(d.sender.phone)}</div></div>
 <div class="body"><h1>マイナンバーカードの暗証番号の再設定についての照会書</h1>
  <p>次の方から、あなたの代理人として、あなたのマイナンバーカードの暗証番号を再設定する申請がありました。</p>
  <p class="indent"><b>代理人　${esc(d.agent.name)} 様</b><br>再設定する暗証番号　${esc(pins)}</p>
  <p><b>あなたがこの方に申請を頼んだ場合は、次のとおりお手続きください。</b></p>
  <ol>${step(1, '2枚目の回答書に記入し、同封の封筒に入れて封をしてください。')}
  ${step(2, `代理人に、次のものをお渡しください：${esc(d.bring.holder.join('、'))}。`)}
  ${step(3, `代理人が、それらと代理人自身の本人確認書類（${esc(d.bring.agent.join('、'))}）を持って、${counter ? '申請した窓口へ' : '窓口へ'}回答期限までにお越しください。`)}</ol>
  ${counter ? `<div class="indent small">窓口　${esc(counter.office)}　〒${esc(counter.postalCode)} ${esc(counter.address)}</div><div class="indent small">受付時間　${esc(counter.hours)}</div>` : ''}
  <ol>${step(4, '回答期限を過ぎると、この申請は無効になります。その場合は、はじめから申請し直していただくことになります。')}</ol>
  <p><b>回答期限　${deadline}（この日までに代理人が窓口へお持ちください）</b></p>
  <p><b>この申請に心当たりがない場合は、回答書を誰にも渡さず、すぐに下記へお電話ください。</b><br><span class="indent">${esc(d.sender.office)}　電話 ${esc(d.sender.phone)}</span></p>
  <p class="tiny">この照会書は、ご本人の住民票の住所へ転送不要の郵便でお送りしています。暗証番号は、郵便・電話・電子メールでお伝えいただくことはできません。</p></div>
</div>
<div class="page"><h2>回答書</h2><div class="qr2">${qr}</div><div class="small">照会番号 ${esc(d.inquiryNumber)}<br>確認コード ${esc(d.checkCode)}</div>
 <p><b>代理人　${esc(d.agent.name)}</b></p>
 <p class="small">あてはまる方の□に✓を記入してください。</p>
 <div class="indent"><span class="check"></span>上記の代理人に、暗証番号の再設定を依頼しました</div>
 <div class="indent"><span class="check"></span>依頼していません（この場合は、回答書を代理人に渡さず、窓口へご連絡ください）</div>
 <p><b>回答者（ご本人）</b></p>
 <p class="indent small">住所　<span class="blank"></span></p><p class="indent small">氏名　<span class="blank"></span></p><p class="indent small">生年月日　<span class="blank"></span></p>
 <p>新しい暗証番号を、1マスに1文字ずつ記入してください。</p>
 ${d.pins.some((p) => p !== 'signature') ? '<div class="small">数字4桁の暗証番号は3つとも同じ番号にできます。</div>' : ''}
 <div class="small">生年月日や電話番号、同じ数字の並び（1111など）のように推測されやすい番号は避けてください。</div>${boxes}
 <p>記入日　令和　　年　　月　　日</p><p>本人署名　<span class="blank"></span></p><p><b>回答期限　${deadline}</b></p>
 <p class="small">記入が終わったら、この回答書を同封の封筒に入れて封をし、代理人にお渡しください。封のされていない回答書は受け付けできません。暗証番号は誰にも見せないでください。</p>
</div></body></html>`;
}

/** The characters of a letter's text as HTML prints them (tags and styles left out), to compare with the template's. */
export function htmlTextLength(html) {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '').length;
}
