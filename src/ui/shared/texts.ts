/** What every page says about loading, waiting and failing (each page keeps its own labels in its folder's texts.ts). */
export const sharedTexts = {
  loading: 'Đang tải…',
  retry: 'Thử lại',
  /** Shown at the top of a page once a call has waited past SLOW_CALL_MS. */
  slow: 'Google Trang tính đang trả lời chậm (đã hơn 20 giây). Tiện ích vẫn đang chờ kết quả.',
  /** A page load waiting past SLOW_CALL_MS, beside its "Thử lại". */
  slowLoad: 'Vẫn đang tải. Nếu chờ quá lâu, hãy bấm “Thử lại”.',
} as const;
