// Bar charts from a data-chart attribute: {"categories": [...], "series": [{"name": ..., "data": [...]}]}.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') { return; }
  const colours = ['#b3202a', '#e59ca1', '#8c1820', '#f6d6d8', '#8a8a8a'];
  document.querySelectorAll('[data-chart]').forEach((el) => {
    const data = JSON.parse(el.dataset.chart);
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: colours,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map((s) => ({ name: s.name, type: 'bar', stack: 'total', data: s.data, label: { show: true, formatter: (p) => (p.value ? p.value : '') } })),
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
