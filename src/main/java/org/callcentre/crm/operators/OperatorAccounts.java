package org.callcentre.crm.operators;

import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Accounts;

import java.util.Optional;

/** Operators are the accounts people sign in with. */
@Singleton
class OperatorAccounts implements Accounts {
    private final OperatorRepository operators;

    OperatorAccounts(OperatorRepository operators) {
        this.operators = operators;
    }

    @Override
    public Optional<Account> byLogin(String login) {
        return operators.findByLogin(login).map(OperatorAccounts::account);
    }

    @Override
    public Optional<Account> byId(long id) {
        return operators.findById(id).map(OperatorAccounts::account);
    }

    private static Account account(Operator operator) {
        return new Account(operator.id(), operator.login(), operator.passwordHash(), operator.name(), operator.role(),
                operator.cityId(), operator.city(), operator.status(), operator.active());
    }
}
