"""The project's own service class (hsk_bazaar_diary's `BankManagementSystem`)."""
from models import Account


class BankSystem:
    def update_bank_account(self, account_id, data):
        Account.query.get(account_id).update(data)
        return True, "updated"

    def get_bank_account(self, account_id):
        return Account.query.get(account_id)
