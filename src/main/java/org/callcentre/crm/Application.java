package org.callcentre.crm;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.callcentre.crm.ai.answers.EvalAnswersCommand;

@OpenAPIDefinition(info = @Info(title = "Call-centre CRM", version = "0.1",
        description = "CRM beside an Asterisk or Mango Office PBX: calls, clients, orders, operators"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(EvalAnswersCommand.NAME)) {
            System.exit(EvalAnswersCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        Micronaut.run(Application.class, args);
    }
}
