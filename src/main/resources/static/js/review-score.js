// The scoring form: the weighted score follows what the reviewer types, and an extreme score asks for its
// reason at once. Only a help: the server checks every rule again and its weighted score is the one that counts.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('score-form');
  const output = document.getElementById('weighted');
  if (!form || !output) {
    return;
  }
  const inputs = Array.from(form.querySelectorAll('.score-input'));
  const below = Number(output.dataset.reasonBelow);
  const above = Number(output.dataset.reasonAbove);

  const scoreOf = (input) => {
    const text = input.value.trim();
    if (!/^\d+$/.test(text)) {
      return null;
    }
    const value = Number(text);
    return value <= Number(input.max) ? value : null;
  };

  const update = () => {
    let sum = 0;
    let complete = true;
    inputs.forEach((input) => {
      const value = scoreOf(input);
      const comment = document.getElementById(input.id.replace('score_', 'comment_'));
      if (comment) {
        // The browser then refuses to submit an extreme score without its reason, like the server would.
        comment.required = value !== null && (value < below || value > above);
      }
      if (value === null) {
        complete = false;
      } else {
        sum += Number(input.dataset.weight) * value;
      }
    });
    // Weights sum to 100: Σ weight × score / 100, to two decimals as the server shows it.
    output.textContent = complete
      ? output.dataset.template.replace('{0}', (sum / 100).toFixed(2))
      : output.dataset.incomplete;
  };

  form.addEventListener('input', update);
  update();
});
