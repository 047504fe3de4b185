// Grouped (not stacked) bars from data-review-chart: {"categories": [...], "series": [{"name": ..., "data": [...]}]}.
// Per-criterion scores of cities sit side by side; stacking them would add up scores that do not add up.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') { return; }
  const colours = ['#b3202a', '#e59ca1', '#8c1820', '#f0b429', '#5a6b7b', '#f6d6d8'];
  document.querySelectorAll('[data-review-chart]').forEach((el) => {
    const data = JSON.parse(el.dataset.reviewChart);
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: colours,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', min: (v) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100 },
      series: data.series.map((s) => ({ name: s.name, type: 'bar', data: s.data })),
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
