@area:qmtcfg @sub-option:will
Feature: AT+QMTCFG="will" — Will information (spec 3.3.1)

  <will_fg> 0/1; when 1, <will_qos> 0~2, <will_retain> 0/1, <willtopic> (1~256 bytes) and
  <willmessage> (0~256 bytes) must be given (note 1). When <will_fg> is 0 the others "will be
  omitted" (reading A11: they must be left out, or are ignored if given); the set scenarios send
  <will_fg>=0 alone, which both readings accept. The default of <will_fg> is not stated (A8), but a
  power-up Will flag of 1 would need a <willtopic> of 1~256 bytes that nobody gave: the freshly
  restarted module must report 0. Sets are refused once the connection exists (A10, see the rule).
  What CONNECT carries is checked in qmtconn.feature; delivery on abnormal loss in
  mqtt-behaviour/will.feature.
  Readings of the note this feature depends on (src/variants/readings.ts): A10, A11.

  Rule: The query form reports the current Will configuration

    @spec:3.3.1:will:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports no Will
      Given the module has restarted
      When the host sends AT+QMTCFG="will",0
      Then the module answers:
        """
        +QMTCFG: "will",0
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:will:set @spec:3.3.1:will:query
    Scenario Outline: Will set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="will",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="will",<idx>
      Then the module answers:
        """
        +QMTCFG: "will",<value>
        OK
        """

      @spec:3.3.1:will:will_fg:range
      Examples: <will_fg> in range
        | idx | value                         |
        | 0   | 0                             |
        | 3   | 1,1,0,"will/topic","gone"     |

      @spec:3.3.1:will:will_qos:range
      Examples: <will_qos> in range
        | idx | value                  |
        | 0   | 1,0,0,"w/q0","m"       |
        | 5   | 1,2,0,"w/q2","m"       |

      @spec:3.3.1:will:will_retain:range
      Examples: <will_retain> in range
        | idx | value              |
        | 1   | 1,1,1,"w/r","m"    |

      @spec:3.3.1:will:willtopic:range
      Examples: <willtopic> of 1 and 256 bytes
        | idx | value                   |
        | 0   | 1,0,0,"t","m"           |
        | 2   | 1,0,0,"{text:256}","m"  |

      @spec:3.3.1:will:willmessage:range
      Examples: <willmessage> of 0 and 256 bytes
        | idx | value                      |
        | 0   | 1,0,0,"w/m",""             |
        | 4   | 1,0,0,"w/m","{text:256}"   |

    Scenario Outline: Will set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="will",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:will:will_fg:range
      Examples: <will_fg> out of range
        | value               |
        | 2,1,0,"w","m"       |
        | x                   |

      @spec:3.3.1:will:will_qos:range
      Examples: <will_qos> out of range
        | value               |
        | 1,3,0,"w","m"       |
        | 1,-1,0,"w","m"      |

      @spec:3.3.1:will:will_retain:range
      Examples: <will_retain> out of range
        | value               |
        | 1,1,2,"w","m"       |

      @spec:3.3.1:will:willtopic:range
      Examples: <willtopic> empty or over 256 bytes
        | value                   |
        | 1,1,0,"","m"            |
        | 1,1,0,"{text:257}","m"  |

      @spec:3.3.1:will:willmessage:range
      Examples: <willmessage> over 256 bytes
        | value                    |
        | 1,1,0,"w","{text:257}"   |

      @spec:3.3.1:will:set
      Examples: <will_fg>=1 without the Will parameters (note 1)
        | value       |
        | 1           |
        | 1,1,0,"w"   |

  Rule: With <will_fg> 0 the Will parameters are omitted (note 1; A11)

    @spec:3.3.1:will:set @spec:3.3.1:will:query
    Scenario: <will_fg> 0 given with the Will parameters clears the Will, or is refused
      When the host sends AT+QMTCFG="will",0,1,1,0,"w/a11","m"
      Then the module answers OK
      When the host sends AT+QMTCFG="will",0,0,1,0,"w/a11","m"
      Then by reading A11 the module answers one of:
        | ignore-extra | OK    |
        | error        | ERROR |
      When the host sends AT+QMTCFG="will",0
      Then by reading A11 the module answers one of:
        | ignore-extra | +QMTCFG: "will",0                 |
        | error        | +QMTCFG: "will",1,1,0,"w/a11","m" |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:will:not-while-connected
    Scenario: Will cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="will",0,0
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="will",0,1,1,0,"will/topic","gone"
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="will",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "will",0 |
        | after-connect | +QMTCFG: "will",1,1,0,"will/topic","gone" |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:will:not-while-connected
    Scenario: Will cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="will",0,1,1,0,"will/topic","gone"
      Then the module answers ERROR
