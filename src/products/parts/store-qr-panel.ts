import type { GuideAction } from '../../content/guide-meta.js';
import type { UnitProfile } from '../../content/profile.js';
import { centred, row, stack, type Block } from '../../layout/block.js';
import { codeGap, commonBox, qrBlock, qrSpec, sameSide, type QrSpec } from '../../layout/qr-block.js';
import { encodable } from '../../qr/matrix.js';
import type { ScanPlace } from '../scan-distance.js';
import { fitTextBlock, textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import { UserError } from '../../errors.js';
import type { PartContext } from './part-context.js';

export interface QrCard {
  url: string;
  label: string;
  caption: string;
  /** Where the link came from, for messages. */
  field: string;
}

/** What a print asks people to do, and the codes that do it. */
export interface CallToAction {
  headline: string;
  /** How to scan, in one sentence under the headline. */
  howTo: string;
  /** The codes every product made from the guide prints (posters and pictures print only these). */
  main: QrCard[];
  /** The main codes, then the codes a leaflet adds when it has room (the stores, the unit's extras). */
  leaflet: QrCard[];
}

const SCAN_HOW_TO = 'Mở camera điện thoại, hướng vào mã của loại máy bạn dùng rồi bấm vào đường link hiện ra.';

/** The call to action follows the guide: install the app, open the portal, or come to the office. */
export function callToAction(guide: { action: GuideAction; links: { portal: string } }, profile: UnitProfile): CallToAction {
  const stores = storeQrCards(profile);
  const extras = profile.qr.extra.map((e, i): QrCard => ({ url: e.url, label: e.label, caption: '', field: `qr.extra.${i}` }));
  switch (guide.action) {
    case 'install-app':
      return { headline: 'Quét mã để cài ứng dụng VNeID', howTo: SCAN_HOW_TO, main: stores, leaflet: [...stores, ...extras] };
    case 'visit-office':
      return { headline: 'Quét mã để cài sẵn ứng dụng VNeID', howTo: 'Cài sẵn để kích hoạt ngay khi có tin nhắn phê duyệt. Mở camera, hướng vào mã của loại máy bạn dùng.', main: stores, leaflet: [...stores, ...extras] };
    case 'open-portal': {
      const portal: QrCard = { url: guide.links.portal, label: hostOf(guide.links.portal), caption: 'Cổng dịch vụ công quốc gia', field: 'links.portal' };
      return { headline: 'Quét mã để mở Cổng dịch vụ công', howTo: `Mở camera điện thoại, hướng vào mã rồi bấm vào đường link hiện ra: chỉ dùng ${hostOf(guide.links.portal)}.`, main: [portal], leaflet: [portal, ...extras] };
    }
  }
}

/** The two official store codes (or the unit's own store links). */
export function storeQrCards(profile: UnitProfile): QrCard[] {
  return [
    { url: profile.qr.ios, label: 'iPhone', caption: 'App Store', field: 'qr.ios' },
    { url: profile.qr.android, label: 'Android', caption: 'CH Play', field: 'qr.android' },
  ];
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}

/**
 * A call to action beside the QR codes, each with a label underneath. With more
 * than two codes the call moves above so the codes keep their size. `design` is
 * the codes' side (dark square) when larger than the place asks for.
 */
export function storeQrPanel(call: CallToAction, width: number, place: ScanPlace, design: number, c: PartContext): Block {
  const { k, m } = c;
  const gap = 12 * k;
  const cards = call.leaflet;
  const cta = (w: number) =>
    stack(
      [
        textBlock(call.headline, w, { size: 13 * k, font: 'extrabold', color: c.colors.primary, leading: LEADING.tight, noWidow: true }, m),
        textBlock(call.howTo, w, { size: 9.5 * k, font: 'regular', color: c.colors.muted, leading: LEADING.body }, m),
      ],
      5 * k,
    );
  const codes = qrCardRow(cards, place, design, c);
  if (cards.length <= 2) {
    const ctaW = width - codes.width - gap;
    return row([cta(ctaW), codes], gap, 'middle');
  }
  if (codes.width > width) {
    throw new UserError({ field: 'qr.extra', message: 'quá nhiều mã QR để in đủ lớn trên khổ giấy này', hint: 'bớt mã trong qr.extra hoặc chọn khổ giấy lớn hơn' });
  }
  return stack([cta(width), codes], 8 * k);
}

/** The codes alone, side by side at one size, each with its label underneath, a third of a code or more apart. */
export function qrCardRow(cards: QrCard[], place: ScanPlace, design: number, c: PartContext, o: { captionInLabel?: boolean } = {}): Block {
  const specs = sameSide(
    cards.map((card) => qrSpec(card.url, place, encodable(card.url, place.level) ? place.level : 'M')),
    design,
  );
  // Where height is short, the caption joins the label on one line ("iPhone · App Store").
  const shown = o.captionInLabel ? cards.map((card) => ({ ...card, label: card.caption ? `${card.label} · ${card.caption}` : card.label, caption: '' })) : cards;
  const box = commonBox(specs);
  const blocks = shown.map((card, i) => qrCard(card, specs[i]!, box, c));
  return row(blocks, codeGap(blocks, specs[0]?.side ?? 0, 12 * c.k));
}

function qrCard(card: QrCard, spec: QrSpec, size: number, c: PartContext): Block {
  const { k, m } = c;
  // Labels may run a little wider than the code: a web address must not break.
  const textW = size + 20 * k;
  const label = fitTextBlock(card.label, textW, { size: 10 * k, font: 'bold', color: c.colors.ink, leading: LEADING.tight, align: 'center' }, { maxLines: 2, minSize: 9 * k }, m);
  if (!label) throw new UserError({ field: `${card.field}.label`, message: `nhãn "${card.label}" quá dài để in dưới mã QR`, hint: 'ghi nhãn ngắn, khoảng 20 ký tự' });
  const caption = card.caption
    ? textBlock(card.caption, textW, { size: 9 * k, font: 'regular', color: c.colors.muted, leading: LEADING.tight, align: 'center' }, m)
    : undefined;
  const code = centred(qrBlock(spec, c.colors.ink, size), textW);
  return stack(caption ? [code, label, caption] : [code, label], 2.5 * k);
}
