// Organisations dashboard: bar charts from data-org-chart JSON {"categories": [...], "series": [{"name", "data"}]};
// data-stack="false" draws the series side by side (rates), otherwise stacked (counts).
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') { return; }
  const colours = ['#b3202a', '#e59ca1', '#8c1820', '#f6d6d8', '#8a8a8a', '#d9822b', '#5b7083', '#c0a062'];
  document.querySelectorAll('[data-org-chart]').forEach((el) => {
    const data = JSON.parse(el.dataset.orgChart);
    const stacked = el.dataset.stack !== 'false';
    const unit = el.dataset.unit || '';
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: colours,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: 56 },
      xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: data.categories.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: '{value}' + unit } },
      series: data.series.map((s) => ({
        name: s.name, type: 'bar', stack: stacked ? 'total' : undefined, data: s.data,
        label: { show: !stacked, position: 'top', formatter: (p) => (p.value == null ? '' : p.value + unit) },
      })),
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
