package org.callcentre.crm;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.callcentre.crm.ai.answers.EvalAnswersCommand;
import org.callcentre.crm.ai.drafts.EvalDraftsCommand;

import java.util.Arrays;

@OpenAPIDefinition(info = @Info(title = "Call-centre CRM", version = "0.1",
        description = "CRM beside an Asterisk or Mango Office PBX: calls, clients, orders, operators"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    /** {@code eval-answers …} and {@code eval-drafts …} run an offline evaluation instead of the service. */
    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (command.equals(EvalAnswersCommand.NAME)) {
            System.exit(EvalAnswersCommand.run(rest, System.out));
        }
        if (command.equals(EvalDraftsCommand.NAME)) {
            System.exit(EvalDraftsCommand.run(rest, System.out));
        }
        Micronaut.run(Application.class, args);
    }
}
