import type { ProfileNeed } from './guide-meta.js';
import type { GuideInfo } from './guides.js';
import type { UnitProfile } from './profile.js';

/** What a profile lacks that a guide needs to be useful, said the way `validate` tells a clerk. */
export interface MissingNeed {
  guide: string;
  field: ProfileNeed;
  message: string;
}

const WHY: Record<ProfileNeed, { has: (p: UnitProfile) => boolean; what: string; add: string }> = {
  venues: { has: (p) => p.venues.length > 0, what: 'nơi làm thủ tục', add: 'thêm mục venues (tên, địa chỉ, giờ làm việc của Công an xã, phường hoặc điểm cấp thẻ Căn cước)' },
  'contact.phone': { has: (p) => !!p.contact?.phone, what: 'số điện thoại hỗ trợ', add: 'thêm contact.phone (số của cán bộ hỗ trợ)' },
};

export function missingNeeds(guide: Pick<GuideInfo, 'id' | 'title' | 'meta'>, profile: UnitProfile): MissingNeed[] {
  return guide.meta.needs
    .filter((need) => !WHY[need].has(profile))
    .map((need) => ({
      guide: guide.id,
      field: need,
      message: `hướng dẫn "${guide.id}" (${guide.title}) cần ${WHY[need].what} để người dân biết cụ thể đến đâu, hỏi ai, mà hồ sơ chưa có: ${WHY[need].add}`,
    }));
}
