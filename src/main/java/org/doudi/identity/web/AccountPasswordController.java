package org.doudi.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.doudi.identity.InitialPasswords;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner changes their password, proving the current one in the body (no login needed: an account with an
 * initial password may do nothing else). The page {@code /account/password} calls it.
 */
@RestController
@Tag(name = "账户", description = "The signed-in member of staff")
public class AccountPasswordController {

  private final InitialPasswords passwords;

  public AccountPasswordController(InitialPasswords passwords) {
    this.passwords = passwords;
  }

  public record PasswordChange(
      @NotBlank(message = "请填写账号") @Size(max = 64, message = "账号最长 64 个字符") String account,
      @NotBlank(message = "请填写原密码") @Size(max = 255, message = "原密码最长 255 个字符") String password,
      @NotBlank(message = "请填写新密码") @Size(max = 255, message = "新密码最长 255 个字符") String newPassword) {}

  @PostMapping("/api/account/password")
  @Operation(summary = "Change one's own password (the current one in the body)",
      description = "Required before first use for accounts with an initial password. The new password must pass "
          + "the password policy (10+ characters, upper and lower case, digit, special character) and differ from "
          + "the current one. Wrong current passwords count towards the login lock.",
      responses = {@ApiResponse(responseCode = "200", description = "changed"),
          @ApiResponse(responseCode = "400", description = "wrong current password or new password refused, "
              + "reasons in Chinese")})
  public Map<String, String> change(@Valid @RequestBody PasswordChange body) {
    passwords.change(body.account(), body.password(), body.newPassword());
    return Map.of("message", "密码已修改，请用新密码登录");
  }
}
