import type { Verdict } from '../../core/verdict';

/** Every label of the Tiến độ 1+2 page (the cadres' verdicts and the tiles are the roster's words, from the server). */
export const progressTexts = {
  title: 'Tiến độ 1+2',
  refresh: 'Làm mới',
  subtitle: (year: number, start: string, end: string, minDays: number, today: string) =>
    `Năm ${year} · kỳ tính ${start}–${end} · tối thiểu ${minDays} ngày · số liệu ngày ${today}`,
  notStarted: (start: string) => `Kỳ tính bắt đầu từ ${start}: chưa có dự báo.`,
  tilesLabel: 'Số cán bộ theo tình trạng',
  tilesOf: (ban: string) => `Số cán bộ theo tình trạng, ${ban}`,
  allBans: 'Tất cả các ban',
  ban: 'Ban/Văn phòng',
  status: 'Tình trạng',
  search: 'Tìm theo tên',
  // Short enough to fit its box at twice the text size.
  searchPlaceholder: 'Không cần dấu',
  listLabel: 'Danh sách cán bộ',
  compact: 'Dạng gọn',
  compactHint: 'Mỗi cán bộ một dòng',
  shown: (shown: number, total: number, ban: string, behind: boolean) =>
    `Hiển thị ${shown}/${total} cán bộ${behind ? ' chưa đủ yêu cầu' : ''}${ban ? ` của ${ban}` : ''}.`,
  clickHint: 'Bấm vào tên để chọn các dòng của cán bộ trong tab Đi cơ sở.',
  empty: (filters: string[]) => `Không có cán bộ nào khớp với bộ lọc: ${filters.join('; ')}.`,
  emptyBan: (ban: string) => `ban “${ban}”`,
  emptyStatus: (status: string) => `tình trạng “${status}”`,
  emptyQuery: (query: string) => `tên có “${query}”`,
  emptyNoFilter: 'Không có cán bộ nào để hiển thị.',
  noCadres: (tab: string) => `Tab ${tab} chưa có cán bộ nào.`,
  noCadresHow: (tab: string) =>
    `Hãy nhập mỗi cán bộ một dòng vào tab ${tab}, ít nhất cột “Họ và tên” và “Ban/Văn phòng” (chưa có tab này thì chọn menu 1+2 Đi cơ sở › Khởi tạo bảng tính), rồi bấm ↻ Làm mới.`,
  clearFilters: 'Bỏ lọc',
  selected: (count: number, name: string, tab: string) => `Đã chọn ${count} dòng của ${name} trong tab ${tab}.`,
  noTrips: (name: string, tab: string) => `${name} chưa có đợt nào trong tab ${tab}.`,
  selecting: 'Đang chọn các dòng…',
  chartTitle: 'Tiến độ theo ban',
  chartNote: (minDays: number) =>
    `Mỗi cán bộ chỉ được tính đến số ngày yêu cầu của mình (thường là ${minDays} ngày): ngày đi thừa của người này không bù cho người còn thiếu.`,
  chartBan: (ban: string, done: number, planned: number, required: number, behind: readonly string[]) =>
    `${ban}: đã đi ${done}${planned > 0 ? `, đăng ký thêm ${planned}` : ''} trên ${required} ngày yêu cầu${behind.length > 0 ? ` (chưa đủ: ${behind.join(', ')})` : ''}`,
  /** Under a Ban's bar: its cadres not yet enough, in the tiles' words. */
  chartBehind: (behind: readonly string[]) => `Chưa đủ: ${behind.join(' · ')}`,
  legendDone: 'Đã đi',
  legendPlanned: 'Đăng ký thêm',
  legendMissing: 'Còn thiếu',
} as const;

/** The status filter: every cadre, those behind (short of something, or failed at year end), or one verdict's tile. */
export type StatusFilter = 'all' | 'behind' | Verdict;

export const FILTER_ALL = { value: 'all', label: 'Tất cả' } as const;
export const FILTER_BEHIND = { value: 'behind', label: 'Chưa đủ yêu cầu' } as const;
