// The password change page: posts to /api/account/password and shows the server's Chinese reasons.
(function () {
  var form = document.getElementById('change');
  var result = document.getElementById('result');
  function show(text, ok) {
    result.textContent = text;
    result.className = ok ? 'ok' : 'error';
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var account = document.getElementById('account').value.trim();
    var password = document.getElementById('password').value;
    var newPassword = document.getElementById('newPassword').value;
    if (newPassword !== document.getElementById('repeat').value) {
      show('两次输入的新密码不一致', false);
      return;
    }
    fetch('/api/account/password', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
      credentials: 'omit',
      body: JSON.stringify({account: account, password: password, newPassword: newPassword})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          form.reset();
          show(body.message || '密码已修改，请用新密码登录', true);
        } else {
          var reasons = body.errors && body.errors.length ? body.errors : null;
          if (reasons && typeof reasons[0] !== 'string') {
            reasons = Object.keys(body.errors).map(function (k) { return body.errors[k]; });
          }
          show('密码未修改：' + (reasons ? reasons.join('；') : (body.message || body.detail || response.status)), false);
        }
      });
    }).catch(function () {
      show('无法连接服务器，请稍后再试', false);
    });
  });
})();
