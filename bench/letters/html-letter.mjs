// The same letter as packages/letters draws, as HTML for a browser to print: the route a team
// would take with headless Chromium. Same text, same font (BIZ UDPGothic from the same package),
// same two A4 pages, a QR code as SVG.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { formatJapaneseDate, PIN, PIN_FORMAT } = require('../../packages/domain/dist/index.js');
const QRCode = require('qrcode');

const fontDir = path.dirname(require.resolve('@expo-google-fonts/biz-udpgothic/package.json'));
/** The font files, served to the browser once and then taken from its cache. */
export const FONT_FILES = {
  '/fonts/regular.ttf': readFileSync(path.join(fontDir, '400Regular/BIZUDPGothic_400Regular.ttf')),
  '/fonts/bold.ttf': readFileSync(path.join(fontDir, '700Bold/BIZUDPGothic_700Bold.ttf')),
};
const fontCss = (origin) => `
@font-face { font-family: 'BIZ UDPGothic'; font-weight: 400; src: url(${origin}/fonts/regular.ttf); }
@font-face { font-family: 'BIZ UDPGothic'; font-weight: 700; src: url(${origin}/fonts/bold.ttf); }`;

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export async function htmlLetter(d, fontOrigin) {
  const qr = await QRCode.toString(`${d.inquiryNumber} ${d.checkCode}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  const deadline = formatJapaneseDate(d.replyDeadline);
  const pins = d.pins.map((p) => PIN.labels[p]).join('、');
  const boxes = d.pins
    .map(
      (p) =>
        `<div class="pin"><b>${esc(PIN.labels[p])}</b><div class="small">${esc(PIN_FORMAT[p].description)}</div><div class="boxes">${'<span></span>'.repeat(p === 'signature' ? 16 : 4)}</div></div>`,
    )
    .join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${fontCss(fontOrigin)}
@page { size: A4; margin: 20mm; }
body { font-family: 'BIZ UDPGothic', sans-serif; font-size: 12.5pt; margin: 0; }
.page { page-break-after: always; position: relative; height: 257mm; }
.window { position: absolute; left: 3mm; top: -6mm; width: 90mm; font-size: 12pt; }
.window .name { font-size: 16pt; margin-top: 2mm; }
.right { position: absolute; left: 105mm; top: -6mm; font-size: 11pt; }
.right svg { width: 24mm; height: 24mm; margin: 2mm 0; }
.body { position: absolute; top: 85mm; }
h1 { font-size: 17pt; text-align: center; } h2 { font-size: 18pt; text-align: center; margin: 0; }
.indent { margin-left: 10mm; } .small { font-size: 11pt; }
.boxes span { display: inline-block; width: 9mm; height: 9mm; border: 0.8pt solid #000; margin-right: -0.8pt; }
.pin { margin: 3mm 0; }
</style></head><body>
<div class="page">
 <div class="window"><div>〒${esc(d.holder.postalCode)}</div><div>${esc(d.holder.address)}</div><div class="name">${esc(d.holder.name)} 様</div></div>
 <div class="right"><div>${formatJapaneseDate(d.issuedOn)}</div><b>照会番号 ${esc(d.inquiryNumber)}</b><br><b>確認コード ${esc(d.checkCode)}</b><br>${qr}
  <div>${esc(d.sender.municipality)} ${esc(d.sender.office)}</div><div class="small">〒${esc(d.sender.postalCode)} ${esc(d.sender.address)}</div><div>電話 ${esc(d.sender.phone)}</div></div>
 <div class="body"><h1>マイナンバーカードの暗証番号の再設定についての照会書</h1>
  <p>次の方から、あなたの代理人として、あなたのマイナンバーカードの暗証番号を再設定する申請がありました。</p>
  <p class="indent"><b>代理人　${esc(d.agent.name)} 様</b><br>再設定する暗証番号　${esc(pins)}</p>
  <p>あなたがこの方に申請を頼んだ場合は、2枚目の回答書に記入し、同封の封筒に入れて封をしたうえで、代理人にお渡しください。代理人が回答書をお持ちになり、あらためて窓口で手続をします。</p>
  <p><b>回答期限　${deadline}（この日までに代理人が窓口へお持ちください）</b></p>
  <p><b>この申請に心当たりがない場合は、回答書を誰にも渡さず、すぐに下記の窓口へお電話ください。</b><br><span class="indent">${esc(d.sender.municipality)} ${esc(d.sender.office)}　電話 ${esc(d.sender.phone)}</span></p>
  <p class="small">この照会書は、ご本人の住民票の住所へ転送不要の郵便でお送りしています。暗証番号は、郵便・電話・電子メールでお伝えいただくことはできません。</p></div>
</div>
<div class="page"><h2>回答書</h2><div class="small" style="text-align:right">照会番号 ${esc(d.inquiryNumber)}　確認コード ${esc(d.checkCode)}</div>
 <p>私は、次の者を代理人として、マイナンバーカードの暗証番号の再設定を依頼しました。</p><p class="indent"><b>代理人　${esc(d.agent.name)}</b></p>
 <p>新しい暗証番号を、1マスに1文字ずつ記入してください。</p>${boxes}
 <p>記入日　令和　　年　　月　　日</p><p>本人署名　＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿</p><p><b>回答期限　${deadline}</b></p>
 <p>記入が終わったら、この回答書を同封の封筒に入れて封をし、代理人にお渡しください。封のされていない回答書は受け付けできません。暗証番号は誰にも見せないでください。</p>
</div></body></html>`;
}
