// Bar charts, drawn by ECharts, from a data-chart attribute: {"categories": [...], "series": [{"name", "data"}]}.
// The element says how: data-stack="false" puts the series side by side (rates, scores; counts are stacked),
// data-unit is a suffix of the values ("%"), data-scale="score" runs the axis to 100 from just below the
// lowest score (scores of cities side by side do not add up, and their differences are what is read).
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') { return; }
  const colours = ['#b3202a', '#e59ca1', '#8c1820', '#f6d6d8', '#8a8a8a', '#d9822b', '#5b7083', '#c0a062'];
  document.querySelectorAll('[data-chart]').forEach((el) => {
    const data = JSON.parse(el.dataset.chart);
    const stacked = el.dataset.stack !== 'false';
    const unit = el.dataset.unit || '';
    const score = el.dataset.scale === 'score';
    const crowded = data.categories.length > 6;
    const value = (p) => (p.value == null || p.value === 0 ? '' : p.value + unit);
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: colours,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 40, bottom: crowded ? 56 : 28 },
      xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, rotate: crowded ? 30 : 0 } },
      yAxis: score
        ? { type: 'value', min: (v) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100 }
        : { type: 'value', minInterval: 1, axisLabel: { formatter: '{value}' + unit } },
      series: data.series.map((s) => ({
        name: s.name, type: 'bar', stack: stacked ? 'total' : undefined, data: s.data,
        label: { show: !score, position: stacked ? 'inside' : 'top', formatter: value },
      })),
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
