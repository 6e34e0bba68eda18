// Doudi: Camunda Forms with dynamic lists (家庭成员, 家庭财产 in dibao-start) in Tasklist 7.24 (docs/household.md).
// form-js 1.8.7 records the validation errors of a field inside a dynamic list by field id and row, and creates the
// field id's entry even when every row is valid; Tasklist disables 启动/完成 whenever the error record has any entry,
// and refuses a submit likewise, so a list once edited could never be sent (no message on the form). This script
// gives Tasklist the errors without such empty entries: a real message still blocks, as before. It patches the Form
// class Tasklist takes from its own bundle (found where camunda-tasklist-bootstrap.js takes it), nothing else.

/** True when a recorded error holds at least one message. */
function hasMessage(v) {
  if (v == null) {
    return false;
  }
  if (typeof v === 'string') {
    return v.length > 0;
  }
  if (typeof v === 'object') {
    return Object.values(v).some(hasMessage);
  }
  return true;
}

function prune(errors) {
  if (!errors || typeof errors !== 'object') {
    return errors;
  }
  const out = {};
  for (const [key, value] of Object.entries(errors)) {
    if (hasMessage(value)) {
      out[key] = value;
    }
  }
  return out;
}

function patch(Form) {
  if (!Form || Form.prototype.doudiListsPatched) {
    return;
  }
  Form.prototype.doudiListsPatched = true;
  // every state change (and so every "changed" event Tasklist listens to) goes through _setState
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    return setState.call(this, state && state.errors ? Object.assign({}, state, { errors: prune(state.errors) }) : state);
  };
  const submit = Form.prototype.submit;
  Form.prototype.submit = function () {
    const result = submit.apply(this, arguments);
    if (result && result.errors) {
      result.errors = prune(result.errors);
    }
    return result;
  };
  console.info('Doudi: form-js dynamic-list fix applied');
}

(async () => {
  try {
    const bootstrap = await fetch(new URL('../camunda-tasklist-bootstrap.js', import.meta.url), {
      credentials: 'same-origin'
    });
    const found = /\w\((\d+)\)\.Form[,;]/.exec(await bootstrap.text());
    if (!found) {
      console.warn('Doudi: form-js Form not found in Tasklist; dynamic lists may keep 启动 disabled');
      return;
    }
    (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || [])
      .push([['doudi-formjs-lists'], {}, (require) => patch(require(Number(found[1])).Form)]);
  } catch (e) {
    console.warn('Doudi: form-js dynamic-list fix not applied', e);
  }
})();

export default [];
