Runtime.getRuntime().exec("touch /tmp/doudi-sandbox-escaped")
